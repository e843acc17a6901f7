// Guards the layering rule: sync/ builds on tosserp::domain, the C++ standard library and
// nlohmann_json only — no Qt, no Poco, nothing from server/ or client/ — so the server and
// the client share one implementation of the protocol.

#include "../common/include_targets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef TOSSERP_SOURCE_DIR
#error "TOSSERP_SOURCE_DIR must name the project root"
#endif

namespace {

using tosserp::test::includeTargets;

// Why `target` may not appear in sync/, or empty when it may.
std::string forbiddenReason(const std::string& target)
{
    const std::string name = target.substr(1, target.size() - 2);
    if (name.size() >= 2 && name[0] == 'Q' && (name[1] == 't' || (name[1] >= 'A' && name[1] <= 'Z')))
        return "Qt header";
    if (name.find("Poco/") != std::string::npos)
        return "Poco header";
    if (target.front() == '"')
        return name.rfind("domain/", 0) == 0 || name.rfind("sync/", 0) == 0
            ? ""
            : "quoted include outside domain/ and sync/";
    if (name.rfind("nlohmann/", 0) == 0)
        return "";
    // Standard library headers have no directory and no extension.
    if (name.find('/') == std::string::npos && name.find('.') == std::string::npos)
        return "";
    return "not the standard library or nlohmann_json";
}

std::vector<std::string> violations(std::string_view text)
{
    std::vector<std::string> out;
    for (const auto& target : includeTargets(text)) {
        const auto reason = forbiddenReason(target);
        if (!reason.empty())
            out.push_back(target + " (" + reason + ")");
    }
    return out;
}

TEST(SyncLayeringTest, DetectorFlagsQtPocoAndOtherLibraries)
{
    EXPECT_EQ(violations("#include <QString>\n").size(), 1u);
    EXPECT_EQ(violations("#include <QtCore/QObject>\n").size(), 1u);
    EXPECT_EQ(violations("  #  include <Qt>\n").size(), 1u);
    EXPECT_EQ(violations("#include \"QJsonObject\"\n").size(), 1u);
    EXPECT_EQ(violations("#include <Poco/Net/HTTPServer.h>\n").size(), 1u);
    EXPECT_EQ(violations("#include <sqlite3.h>\n").size(), 1u);
    EXPECT_EQ(violations("#include <boost/optional.hpp>\n").size(), 1u);
    EXPECT_EQ(violations("#include \"server/db.h\"\n").size(), 1u);
    EXPECT_EQ(violations("#include \"client/src/replica.h\"\n").size(), 1u);
    EXPECT_EQ(violations("#include \"tests/domain/expect_error.h\"\n").size(), 1u);
}

TEST(SyncLayeringTest, DetectorAcceptsStandardJsonAndDomainIncludes)
{
    EXPECT_TRUE(violations("#include <vector>\n#include <cstdint>\n#include <nlohmann/json.hpp>\n"
                           "#include \"domain/money.h\"\n#include \"sync/cursor.h\"\n"
                           "// #include is mentioned in a comment\n")
                    .empty());
    EXPECT_EQ(includeTargets("#include <queue>\n#include \"domain/x.h\"\n").size(), 2u);
}

TEST(SyncLayeringTest, SyncIncludesOnlyDomainTheStandardLibraryAndJson)
{
    const std::filesystem::path dir = std::filesystem::path(TOSSERP_SOURCE_DIR) / "sync";
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
    int scanned = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        const auto ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".hpp" && ext != ".cpp" && ext != ".cc" && ext != ".ipp")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        ASSERT_TRUE(in) << entry.path();
        std::ostringstream content;
        content << in.rdbuf();
        for (const auto& violation : violations(content.str()))
            ADD_FAILURE() << entry.path().filename().string() << ": " << violation;
        ++scanned;
    }
    EXPECT_GE(scanned, 10) << "expected the sync sources under " << dir;
}

TEST(SyncLayeringTest, SyncLinksOnlyDomainAndJson)
{
    const auto file = std::filesystem::path(TOSSERP_SOURCE_DIR) / "sync" / "CMakeLists.txt";
    std::ifstream in(file);
    ASSERT_TRUE(in) << file;
    std::ostringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    const std::string call = "target_link_libraries(";
    int calls = 0;
    for (auto pos = text.find(call); pos != std::string::npos; pos = text.find(call, pos + 1)) {
        const auto end = text.find(')', pos);
        ASSERT_NE(end, std::string::npos);
        std::istringstream words(text.substr(pos + call.size(), end - pos - call.size()));
        std::string word;
        words >> word; // the target
        EXPECT_EQ(word, "tosserp_sync");
        while (words >> word) {
            if (word == "PUBLIC" || word == "PRIVATE" || word == "INTERFACE")
                continue;
            EXPECT_TRUE(word == "tosserp::domain" || word == "nlohmann_json::nlohmann_json") << "sync links " << word;
        }
        ++calls;
    }
    EXPECT_GE(calls, 1);
}

} // namespace
