// A server (or something in between) that answers a pull with a corrupted or truncated page,
// or an unknown protocol, changes nothing in the replica; the next good page is applied.
#include "client_fixture.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include <gtest/gtest.h>

#include <atomic>

using nlohmann::json;
using namespace tosserp;
using tosserp::test::TempDir;

namespace {

/// Answers every pull with `body` (whatever it is) and status 200.
class FixedAnswer : public Poco::Net::HTTPRequestHandler {
public:
    explicit FixedAnswer(std::string body)
        : m_body(std::move(body))
    { }
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override
    {
        response.setContentType("application/json");
        response.sendBuffer(m_body.data(), m_body.size());
    }

private:
    std::string m_body;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::atomic<int>& which, std::vector<std::string> bodies)
        : m_which(which)
        , m_bodies(std::move(bodies))
    { }
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new FixedAnswer(m_bodies[static_cast<std::size_t>(m_which.load())]);
    }

private:
    std::atomic<int>& m_which;
    std::vector<std::string> m_bodies;
};

json goodPage()
{
    return { { "protocol", 1 }, { "server_id", "fake-server" },
        { "changes",
            { { { "table", "categories" }, { "op", "upsert" }, { "key", "1" },
                { "row", { { "id", 1 }, { "name", "Tea" }, { "parent_id", nullptr }, { "version", 1 } } } } } },
        { "next_cursor", sync::Cursor::tail("fake-server", 1).encode() }, { "has_more", false }, { "phase", "tail" },
        { "position", 1 } };
}

} // namespace

TEST(BadPages, ACorruptedOrTruncatedPageChangesNothing)
{
    const auto good = goodPage().dump();
    auto wrongProtocol = goodPage();
    wrongProtocol["protocol"] = 2;
    auto unknownTable = goodPage();
    unknownTable["changes"][0]["table"] = "salaries";
    auto missingCursor = goodPage();
    missingCursor.erase("next_cursor");
    const std::vector<std::string> bodies = {
        good.substr(0, good.size() / 2), // truncated
        "{\"protocol\":1,\"changes\":\"nope\"}",
        "\x89PNG not json at all",
        wrongProtocol.dump(),
        unknownTable.dump(),
        missingCursor.dump(),
        good,
    };
    std::atomic<int> which { 0 };
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    Poco::Net::HTTPServer server(new Factory(which, bodies), socket, new Poco::Net::HTTPServerParams);
    server.start();
    TempDir dir;
    client::Replica replica(QString::fromStdString((dir.path() / "r.db").string()));
    client::ApiClient api(QString("http://127.0.0.1:%1").arg(socket.address().port()));
    client::SyncEngine engine(replica, api);
    for (std::size_t i = 0; i + 1 < bodies.size(); ++i) {
        which = static_cast<int>(i);
        const auto report = engine.pull();
        EXPECT_FALSE(report.error.empty()) << "body " << i << " was accepted";
        EXPECT_EQ(replica.count("categories"), 0) << "body " << i;
        EXPECT_EQ(replica.meta("cursor"), "") << "body " << i;
    }
    which = static_cast<int>(bodies.size() - 1);
    const auto report = engine.pull();
    EXPECT_TRUE(report.error.empty()) << report.error;
    EXPECT_EQ(replica.count("categories"), 1);
    EXPECT_EQ(replica.integrityCheck(), "ok");
    server.stopAll(true);
}
