#pragma once

#include "client/src/api_client.h"
#include "client/src/replica.h"
#include "client/src/sync_engine.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <memory>

namespace tosserp::test {

/// One client: a replica file, an API client signed in as `username`, and a sync engine.
struct TestClient {
    TestClient(TestServer& server, const TempDir& dir, const std::string& username, const std::string& password)
        : replica(QString::fromStdString((dir.path() / (username + ".replica")).string()))
        , api(QString("http://127.0.0.1:%1").arg(server.port()))
        , engine(replica, api)
    {
        const auto reply = api.login(username, password);
        EXPECT_EQ(reply.status, 200) << reply.body.toStdString();
    }
    client::Replica replica;
    client::ApiClient api;
    client::SyncEngine engine;
};

} // namespace tosserp::test
