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

std::vector<std::string> violations(std::string_view text)
{
    return tosserp::test::layeringViolations(text, { "domain/", "sync/" });
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
    for (const auto& [name, text] : tosserp::test::cppSources(dir)) {
        for (const auto& violation : violations(text))
            ADD_FAILURE() << name << ": " << violation;
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
