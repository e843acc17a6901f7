// Guards the layering rule: shared/domain builds on the C++ standard library and
// nlohmann_json only, so it can be used by the server, the client and the sync engine alike.

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
    return tosserp::test::layeringViolations(text, { "domain/" });
}

TEST(LayeringTest, DetectorFlagsQtPocoAndOtherLibraries)
{
    EXPECT_EQ(violations("#include <QString>\n").size(), 1u);
    EXPECT_EQ(violations("#include <QtCore/QObject>\n").size(), 1u);
    EXPECT_EQ(violations("  #  include <Qt>\n").size(), 1u);
    EXPECT_EQ(violations("#include \"QJsonObject\"\n").size(), 1u);
    EXPECT_EQ(violations("#include <Poco/Net/HTTPServer.h>\n").size(), 1u);
    EXPECT_EQ(violations("#include <sqlite3.h>\n").size(), 1u);
    EXPECT_EQ(violations("#include <boost/optional.hpp>\n").size(), 1u);
    EXPECT_EQ(violations("#include \"server/db.h\"\n").size(), 1u);
}

TEST(LayeringTest, DetectorAcceptsStandardJsonAndDomainIncludes)
{
    EXPECT_TRUE(violations("#include <vector>\n#include <cstdint>\n#include <nlohmann/json.hpp>\n"
                           "#include \"domain/money.h\"\n// #include is mentioned in a comment\n")
                    .empty());
    EXPECT_EQ(includeTargets("#include <queue>\n#include \"domain/x.h\"\n").size(), 2u);
}

TEST(LayeringTest, SharedDomainIncludesOnlyTheStandardLibraryAndJson)
{
    const std::filesystem::path dir = std::filesystem::path(TOSSERP_SOURCE_DIR) / "shared" / "domain";
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
    int scanned = 0;
    for (const auto& [name, text] : tosserp::test::cppSources(dir)) {
        for (const auto& violation : violations(text))
            ADD_FAILURE() << name << ": " << violation;
        ++scanned;
    }
    EXPECT_GE(scanned, 20) << "expected the domain sources under " << dir;
}

} // namespace
