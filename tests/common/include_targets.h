#pragma once

// Shared by the layering tests of shared/domain and sync/: reading a source file's includes.

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::test {

// Include targets of `text`, e.g. "domain/money.h" or "<vector>" (with their brackets).
inline std::vector<std::string> includeTargets(std::string_view text)
{
    std::vector<std::string> targets;
    std::istringstream lines { std::string(text) };
    std::string line;
    while (std::getline(lines, line)) {
        auto pos = line.find_first_not_of(" \t");
        if (pos == std::string::npos || line[pos] != '#')
            continue;
        pos = line.find_first_not_of(" \t", pos + 1);
        if (pos == std::string::npos || line.compare(pos, 7, "include") != 0)
            continue;
        const auto open = line.find_first_of("<\"", pos + 7);
        if (open == std::string::npos)
            continue;
        const char close = line[open] == '<' ? '>' : '"';
        const auto end = line.find(close, open + 1);
        if (end == std::string::npos)
            continue;
        targets.push_back(line.substr(open, end - open + 1));
    }
    return targets;
}

} // namespace tosserp::test
