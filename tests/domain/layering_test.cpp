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

// Why `target` may not appear in shared/domain, or empty when it may.
std::string forbiddenReason(const std::string& target)
{
    const std::string name = target.substr(1, target.size() - 2);
    if (name.size() >= 2 && name[0] == 'Q' && (name[1] == 't' || (name[1] >= 'A' && name[1] <= 'Z')))
        return "Qt header";
    if (name.find("Poco/") != std::string::npos)
        return "Poco header";
    if (target.front() == '"')
        return name.rfind("domain/", 0) == 0 ? "" : "quoted include outside domain/";
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
    EXPECT_GE(scanned, 20) << "expected the domain sources under " << dir;
}

} // namespace
