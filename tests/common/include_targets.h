#pragma once

// Shared by the layering tests of shared/domain and sync/: reading a source file's includes
// and judging each against the layering rule.

#include <filesystem>
#include <fstream>
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

// Why `target` (with its brackets) breaks the layering rule, or empty when it may appear: the
// standard library, nlohmann_json and quoted includes starting with one of `allowedQuoted`.
inline std::string forbiddenReason(const std::string& target, const std::vector<std::string>& allowedQuoted)
{
    const std::string name = target.substr(1, target.size() - 2);
    if (name.size() >= 2 && name[0] == 'Q' && (name[1] == 't' || (name[1] >= 'A' && name[1] <= 'Z')))
        return "Qt header";
    if (name.find("Poco/") != std::string::npos)
        return "Poco header";
    if (target.front() == '"') {
        for (const auto& prefix : allowedQuoted) {
            if (name.rfind(prefix, 0) == 0)
                return "";
        }
        return "quoted include outside the allowed directories";
    }
    if (name.rfind("nlohmann/", 0) == 0)
        return "";
    // Standard library headers have no directory and no extension.
    if (name.find('/') == std::string::npos && name.find('.') == std::string::npos)
        return "";
    return "not the standard library or nlohmann_json";
}

// The includes of `text` that break the layering rule, each with the reason.
inline std::vector<std::string> layeringViolations(std::string_view text, const std::vector<std::string>& allowedQuoted)
{
    std::vector<std::string> out;
    for (const auto& target : includeTargets(text)) {
        const auto reason = forbiddenReason(target, allowedQuoted);
        if (!reason.empty())
            out.push_back(target + " (" + reason + ")");
    }
    return out;
}

// The C++ sources under `dir` (recursively) with their text, keyed by file name.
inline std::vector<std::pair<std::string, std::string>> cppSources(const std::filesystem::path& dir)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        const auto ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".hpp" && ext != ".cpp" && ext != ".cc" && ext != ".ipp")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        out.emplace_back(entry.path().filename().string(), content.str());
    }
    return out;
}

} // namespace tosserp::test
