#pragma once

#include "test_server.h"

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace Poco {
class ProcessHandle;
}

namespace tosserp::test {

/// A `tosserp-server` child process, for what only a real process shows: options,
/// environment, signals, and crashes. Its standard output and error go to files.
class ServerProcess {
public:
    /// Starts the binary with `args` and extra `env` ("NAME=value").
    ServerProcess(std::vector<std::string> args, std::vector<std::string> env = {});
    ~ServerProcess();

    /// Waits until the server says where it listens; returns its port (0 if it exited first).
    std::uint16_t waitUntilListening(int timeoutMs = 15000);
    /// Waits for the process to end; returns its exit code, or 128+signal.
    int wait(int timeoutMs = 15000);
    void signal(int sig);
    /// Signs in; later requests carry the token.
    void login(const std::string& username, const std::string& password);
    std::string out() const;
    std::string err() const;
    Reply request(const std::string& method, const std::string& path, const std::string& body = {},
        const std::map<std::string, std::string>& headers = {}) const;

private:
    pid_t m_pid = -1;
    int m_status = -1;
    TempDir m_logs;
    std::uint16_t m_port = 0;
    std::string m_token;
};

/// A tosserp-payment-sim started with `args` on a free loopback port, stopped with the object
/// (it outlives any server killed meanwhile, as a real provider would).
class PaymentSimulatorProcess {
public:
    explicit PaymentSimulatorProcess(std::vector<std::string> args = {});
    ~PaymentSimulatorProcess();
    PaymentSimulatorProcess(const PaymentSimulatorProcess&) = delete;
    PaymentSimulatorProcess& operator=(const PaymentSimulatorProcess&) = delete;
    const std::string& url() const { return m_url; }

private:
    std::unique_ptr<Poco::ProcessHandle> m_handle;
    std::string m_url;
};

/// A nats-server with JetStream on a free loopback port, its store in a directory of its own;
/// it can be killed with SIGKILL and started again on the same port and store.
class NatsServerProcess {
public:
    NatsServerProcess();
    ~NatsServerProcess();
    NatsServerProcess(const NatsServerProcess&) = delete;
    NatsServerProcess& operator=(const NatsServerProcess&) = delete;
    /// nats://127.0.0.1:PORT
    std::string url() const;
    /// kill -9, and wait for the process to end.
    void kill();
    /// Starts it again (after kill()) and waits until it takes connections.
    void start();

private:
    TempDir m_store;
    std::uint16_t m_port = 0;
    std::unique_ptr<Poco::ProcessHandle> m_handle;
};

/// Runs the binary to completion; returns {exit code, stdout + stderr}.
std::pair<int, std::string> runServerCommand(
    const std::vector<std::string>& args, const std::vector<std::string>& env = {});

} // namespace tosserp::test
