// tosserpctl as a person or a script uses it: sign-in, offline work, sync, look-ups, CSV,
// conflicts, and exit codes a script can rely on.
#include "test_server.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

using nlohmann::json;
using tosserp::test::TempDir;
using tosserp::test::TestServer;

namespace {

struct Run {
    int code = -1;
    std::string out;
};

class Ctl {
public:
    Ctl(TestServer& server, const TempDir& dir)
        : Ctl("http://127.0.0.1:" + std::to_string(server.port()), dir)
    { }
    Ctl(std::string url, const TempDir& dir)
        : m_url(std::move(url))
        , m_replica((dir.path() / "ctl.replica").string())
    { }

    /// Runs tosserpctl with `args` (and `input` on standard input); stdout and stderr together.
    Run operator()(const std::string& args, const std::string& input = {}) const
    {
        const auto command = "printf '%s' '" + input + "' | " + std::string(TOSSERP_CTL_BIN) + " --server " + m_url
            + " --replica " + m_replica + " " + args + " 2>&1";
        Run run;
        FILE* pipe = popen(command.c_str(), "r");
        std::array<char, 4096> buffer {};
        while (pipe && std::fgets(buffer.data(), buffer.size(), pipe)) {
            run.out += buffer.data();
        }
        const int status = pclose(pipe);
        run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return run;
    }

private:
    std::string m_url;
    std::string m_replica;
};

std::string jsonPart(const std::string& out)
{
    return out.substr(out.find_first_of("[{"));
}

} // namespace

TEST(Ctl, EveryCommandHasHelp)
{
    TestServer server;
    TempDir dir;
    Ctl ctl(server, dir);
    for (const auto* command : { "", "login", "sync", "status", "conflicts", "receive", "ship", "move", "adjust",
             "count", "products search", "products update", "levels", "import", "export" }) {
        const auto run = ctl(std::string(command) + " --help");
        EXPECT_EQ(run.code, 0) << command;
        EXPECT_NE(run.out.find("Usage"), std::string::npos) << command << ": " << run.out;
    }
}

TEST(Ctl, SignInFailuresAndMistakesHaveTheirOwnExitCodes)
{
    TestServer server;
    TempDir dir;
    Ctl ctl(server, dir);
    EXPECT_EQ(ctl("login --user admin --password-stdin", "wrong password").code, 3);
    ASSERT_EQ(ctl("login --user admin --password-stdin", TestServer::kAdminPassword).code, 0);
    EXPECT_EQ(ctl("sync").code, 0);
    const auto unknown = ctl("receive --sku NOPE --qty 1 --warehouse MAIN");
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.out.find("no product"), std::string::npos) << unknown.out;
    EXPECT_EQ(ctl("frobnicate").code, 2);
    EXPECT_EQ(ctl("receive --sku A-1").code, 2); // --qty and --warehouse missing
    // A server that is not there (nothing listens on port 1): the queue waits, exit code 4.
    const auto off = Ctl(std::string("http://127.0.0.1:1"), dir)("sync");
    EXPECT_EQ(off.code, 4) << off.out;
}

TEST(Ctl, WorkQueuedOfflineIsSentBySync)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    (void)warehouse;
    (void)stock;
    server.makeProduct("A-1", "pcs", { "4006381333931" });
    TempDir dir;
    Ctl ctl(server, dir);
    ASSERT_EQ(ctl("login --user admin --password-stdin", TestServer::kAdminPassword).code, 0);
    ASSERT_EQ(ctl("sync").code, 0);
    // Offline from here on: the commands only reach the queue.
    EXPECT_EQ(ctl("receive --sku 4006381333931 --qty 10 --warehouse MAIN --reference PO-7").code, 0);
    EXPECT_EQ(ctl("ship --sku A-1 --qty 3 --warehouse MAIN/STOCK").code, 0);
    EXPECT_EQ(ctl("count --sku A-1 --qty 6 --location MAIN").code, 0);
    EXPECT_EQ(ctl("receive --sku A-1 --qty 1.5 --warehouse MAIN").code, 2); // pieces are whole
    const auto levels = json::parse(jsonPart(ctl("levels --sku A-1 --json").out));
    ASSERT_EQ(levels.size(), 1u);
    EXPECT_EQ(levels[0]["on_hand"], "6");
    EXPECT_EQ(levels[0]["pending"], "6");
    auto status = json::parse(jsonPart(ctl("status --json").out));
    EXPECT_EQ(status["pending"], 3);
    const auto synced = ctl("sync");
    EXPECT_EQ(synced.code, 0) << synced.out;
    EXPECT_NE(synced.out.find("3 applied"), std::string::npos) << synced.out;
    status = json::parse(jsonPart(ctl("status --json").out));
    EXPECT_EQ(status["pending"], 0);
    const auto after = json::parse(jsonPart(ctl("levels --sku A-1 --json").out));
    EXPECT_EQ(after[0]["on_hand"], "6");
    EXPECT_EQ(after[0]["pending"], "0");
    EXPECT_EQ(server.get("/api/v1/stock/levels?product_id=1").json()["items"][0]["on_hand"], 6);
    const auto found = json::parse(jsonPart(ctl("products search A-1 --json").out));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]["sku"], "A-1");
    EXPECT_EQ(ctl("sync --verify").code, 0);
}

TEST(Ctl, ProductEditsMergeAndConflictsWaitForAPerson)
{
    TestServer server;
    server.makeProduct("A-1");
    TempDir dir;
    Ctl ctl(server, dir);
    ASSERT_EQ(ctl("login --user admin --password-stdin", TestServer::kAdminPassword).code, 0);
    ASSERT_EQ(ctl("sync").code, 0);
    ASSERT_EQ(ctl("products update --sku A-1 --name Mine --price 4.20").code, 0);
    server.patch("/api/v1/products/1", { { "name", "Theirs" } });
    ctl("sync");
    const auto open = ctl("conflicts --json");
    EXPECT_EQ(open.code, 5);
    const auto list = json::parse(jsonPart(open.out));
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["field"], "name");
    const auto product = server.get("/api/v1/products/1").json();
    EXPECT_EQ(product["name"], "Theirs");
    EXPECT_EQ(product["price"]["amount"], "4.20"); // the other field merged
    EXPECT_EQ(ctl("conflicts resolve " + std::to_string(list[0]["id"].get<int>()) + " --keep mine").code, 0);
    EXPECT_EQ(ctl("sync").code, 0);
    EXPECT_EQ(server.get("/api/v1/products/1").json()["name"], "Mine");
    EXPECT_EQ(ctl("conflicts").code, 0);
}

TEST(Ctl, CsvImportReportsRejectedRowsAndExportRoundTrips)
{
    TestServer server;
    TempDir dir;
    Ctl ctl(server, dir);
    ASSERT_EQ(ctl("login --user admin --password-stdin", TestServer::kAdminPassword).code, 0);
    const auto in = (dir.path() / "in.csv").string();
    std::ofstream(in) << "sku,name,price,currency,barcodes,description\n"
                         "TEA-1,Green tea,3.50,EUR,4006381333931,\"Loose, from \"\"Assam\"\"\"\n"
                         "TEA-2,Black tea,not-a-price,EUR,,\n"
                         "TEA-3,,2.00,EUR,,\n"
                         "TEA-4,Rooibos,2.80,EUR,96385074|INT-9,\n";
    const auto imported = ctl("import " + in);
    EXPECT_EQ(imported.code, 1) << imported.out;
    EXPECT_NE(imported.out.find("2 products created, 2 rows rejected"), std::string::npos) << imported.out;
    EXPECT_NE(imported.out.find("line 3: price.amount"), std::string::npos) << imported.out;
    EXPECT_NE(imported.out.find("line 4: name"), std::string::npos) << imported.out;
    ASSERT_EQ(ctl("sync").code, 0);
    const auto out = (dir.path() / "out.csv").string();
    const auto exported = ctl("export " + out);
    EXPECT_EQ(exported.code, 0);
    std::ifstream file(out);
    std::string header, first;
    std::getline(file, header);
    std::getline(file, first);
    EXPECT_EQ(header, "sku,name,description,category_id,unit,price,currency,barcodes,active");
    EXPECT_EQ(first, "TEA-1,Green tea,\"Loose, from \"\"Assam\"\"\",,pcs,3.50,EUR,4006381333931,true");
    const auto broken = (dir.path() / "broken.csv").string();
    std::ofstream(broken) << "sku,name,price\n\"unterminated,x,1\n";
    EXPECT_EQ(ctl("import " + broken).code, 2);
}
