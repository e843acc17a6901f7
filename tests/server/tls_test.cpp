// HTTPS with Mozilla's "intermediate" settings: TLS 1.2 and 1.3 with forward-secret AEAD
// ciphers are accepted; older protocols and weak ciphers are refused. Checked with the
// openssl command-line client, configured to be willing to offer the weak choices.
#include "test_server.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <tuple>

using tosserp::test::TempDir;
using tosserp::test::TestServer;

namespace {

struct Outcome {
    int exitCode;
    std::string output;
};

Outcome run(const std::string& command)
{
    std::string output;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    std::array<char, 4096> buffer {};
    while (pipe && std::fgets(buffer.data(), buffer.size(), pipe)) {
        output += buffer.data();
    }
    const int status = pipe ? pclose(pipe) : -1;
    return { WEXITSTATUS(status), output };
}

class Tls : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::tie(m_cert, m_key) = tosserp::test::selfSignedCertificate(m_dir.path());
        tosserp::ServerConfig config;
        config.tlsCert = m_cert;
        config.tlsKey = m_key;
        m_server = std::make_unique<TlsServer>(config);
    }

    Outcome handshake(const std::string& options)
    {
        return run("echo | timeout 10 openssl s_client -connect 127.0.0.1:" + std::to_string(m_server->port()) + " "
            + options);
    }

    // The test server signs its admin in over plain HTTP, which a TLS listener refuses: this
    // variant skips that and only serves.
    struct TlsServer {
        explicit TlsServer(tosserp::ServerConfig config)
        {
            config.host = "127.0.0.1";
            config.port = 0;
            config.dataDir = dir.path().string();
            config.accessLog = false;
            config.adminPassword = TestServer::kAdminPassword;
            config.paymentSimulator = TOSSERP_PAYMENT_SIM_BIN;
            runtime = std::make_unique<tosserp::Runtime>(config);
            runtime->start();
        }
        std::uint16_t port() const { return runtime->port(); }
        TempDir dir;
        std::unique_ptr<tosserp::Runtime> runtime;
    };

    TempDir m_dir;
    std::string m_cert;
    std::string m_key;
    std::unique_ptr<TlsServer> m_server;
};

} // namespace

TEST_F(Tls, ModernProtocolsAreServed)
{
    const auto tls12 = handshake("-tls1_2");
    EXPECT_EQ(tls12.exitCode, 0) << tls12.output;
    EXPECT_NE(tls12.output.find("TLSv1.2"), std::string::npos) << tls12.output;
    const auto tls13 = handshake("-tls1_3");
    EXPECT_EQ(tls13.exitCode, 0) << tls13.output;
    EXPECT_NE(tls13.output.find("TLSv1.3"), std::string::npos) << tls13.output;
    const auto https
        = run("curl -s --cacert " + m_cert + " https://127.0.0.1:" + std::to_string(m_server->port()) + "/health/live");
    EXPECT_NE(https.output.find("\"ok\""), std::string::npos) << https.output;
    const auto login = run("curl -s --cacert " + m_cert + " -H 'Content-Type: application/json' -d "
        + "'{\"username\":\"admin\",\"password\":\"correct horse battery staple\"}' https://127.0.0.1:"
        + std::to_string(m_server->port()) + "/api/v1/auth/login");
    EXPECT_NE(login.output.find("access_token"), std::string::npos) << login.output;
}

TEST_F(Tls, OldProtocolsAreRefused)
{
    for (const auto* protocol : { "-tls1", "-tls1_1" }) {
        const auto old = handshake(std::string(protocol) + " -cipher 'DEFAULT:@SECLEVEL=0'");
        EXPECT_NE(old.exitCode, 0) << protocol << ": " << old.output;
        EXPECT_EQ(old.output.find("Cipher is ECDHE"), std::string::npos) << protocol;
    }
}

TEST_F(Tls, WeakCiphersAreRefused)
{
    // Static RSA key exchange (no forward secrecy), CBC without AEAD, and 3DES.
    for (const auto* cipher : { "AES128-SHA", "AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA", "DES-CBC3-SHA" }) {
        const auto weak = handshake(std::string("-tls1_2 -cipher '") + cipher + ":@SECLEVEL=0'");
        EXPECT_NE(weak.exitCode, 0) << cipher << ": " << weak.output;
    }
}

TEST_F(Tls, PlainHttpOnTheTlsPortGetsNoAnswer)
{
    const auto plain = run("curl -s -m 5 http://127.0.0.1:" + std::to_string(m_server->port()) + "/health/live");
    EXPECT_EQ(plain.output.find("\"ok\""), std::string::npos) << plain.output;
}
