#include "process.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

extern char** environ;

namespace tosserp::test {

namespace {

std::string slurp(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

ServerProcess::ServerProcess(std::vector<std::string> args, std::vector<std::string> env)
{
    const auto outPath = (m_logs.path() / "out.txt").string();
    const auto errPath = (m_logs.path() / "err.txt").string();
    std::vector<std::string> environment;
    // What `env` sets replaces what the tests inherited (the first of two settings is the one a
    // program sees).
    const auto givenHere = [&](const std::string& inherited) {
        const auto name = inherited.substr(0, inherited.find('=') + 1);
        return std::any_of(env.begin(), env.end(), [&](const std::string& e) { return e.rfind(name, 0) == 0; });
    };
    for (char** e = environ; *e; ++e) {
        if (std::string(*e).rfind("TOSSERP_", 0) != 0 && !givenHere(*e)) {
            environment.emplace_back(*e);
        }
    }
    environment.insert(environment.end(), env.begin(), env.end());
    if (std::none_of(
            env.begin(), env.end(), [](const std::string& e) { return e.rfind("TOSSERP_ADMIN_PASSWORD=", 0) == 0; })) {
        environment.push_back(std::string("TOSSERP_ADMIN_PASSWORD=") + TestServer::kAdminPassword);
    }
    args.insert(args.begin(), TOSSERP_SERVER_BIN);
    m_pid = fork();
    if (m_pid == 0) {
        const int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (auto& e : environment) {
            envp.push_back(e.data());
        }
        envp.push_back(nullptr);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
}

ServerProcess::~ServerProcess()
{
    if (m_pid > 0 && m_status < 0) {
        ::kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
}

std::uint16_t ServerProcess::waitUntilListening(int timeoutMs)
{
    const std::regex pattern("listening on https?://[^:]+:([0-9]+)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        std::smatch match;
        const auto text = out();
        if (std::regex_search(text, match, pattern)) {
            m_port = static_cast<std::uint16_t>(std::stoi(match[1]));
            return m_port;
        }
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_status = status;
            return 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
}

int ServerProcess::wait(int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (m_status < 0 && std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_status = status;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (m_status < 0) {
        return -1;
    }
    if (WIFEXITED(m_status)) {
        return WEXITSTATUS(m_status);
    }
    return 128 + WTERMSIG(m_status);
}

void ServerProcess::signal(int sig)
{
    ::kill(m_pid, sig);
}

void ServerProcess::login(const std::string& username, const std::string& password)
{
    const auto reply = request(
        "POST", "/api/v1/auth/login", nlohmann::json { { "username", username }, { "password", password } }.dump());
    ASSERT_EQ(reply.status, 200) << reply.body;
    m_token = nlohmann::json::parse(reply.body)["access_token"].get<std::string>();
}

std::string ServerProcess::out() const
{
    return slurp(m_logs.path() / "out.txt");
}

std::string ServerProcess::err() const
{
    return slurp(m_logs.path() / "err.txt");
}

Reply ServerProcess::request(const std::string& method, const std::string& path, const std::string& body,
    const std::map<std::string, std::string>& headers) const
{
    Poco::Net::HTTPClientSession session("127.0.0.1", m_port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) {
        if (name != TestServer::kNoAuth) {
            request.set(name, value);
        }
    }
    if (!m_token.empty() && !headers.count("Authorization") && !headers.count(TestServer::kNoAuth)) {
        request.set("Authorization", "Bearer " + m_token);
    }
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    return receiveReply(session);
}

PaymentSimulatorProcess::PaymentSimulatorProcess(std::vector<std::string> args)
{
    args.insert(args.begin(), { "--listen", "127.0.0.1:0" });
    Poco::Pipe output;
    m_handle = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(TOSSERP_PAYMENT_SIM_BIN, args, nullptr, &output, nullptr));
    Poco::PipeInputStream in(output);
    std::string line;
    std::getline(in, line);
    const std::string prefix = "listening on ";
    EXPECT_EQ(line.rfind(prefix, 0), 0u) << line;
    m_url = line.rfind(prefix, 0) == 0 ? line.substr(prefix.size()) : std::string();
}

PaymentSimulatorProcess::~PaymentSimulatorProcess()
{
    Poco::Process::kill(*m_handle);
    m_handle->wait();
}

NatsServerProcess::NatsServerProcess()
{
    // A free port: bound, read and released (nats-server binds it a moment later).
    Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_port = probe.address().port();
    probe.close();
    start();
}

NatsServerProcess::~NatsServerProcess()
{
    kill();
}

std::string NatsServerProcess::url() const
{
    return "nats://127.0.0.1:" + std::to_string(m_port);
}

void NatsServerProcess::kill()
{
    if (m_handle) {
        ::kill(m_handle->id(), SIGKILL);
        m_handle->wait();
        m_handle.reset();
    }
}

void NatsServerProcess::start()
{
    const std::vector<std::string> args = { "-js", "-a", "127.0.0.1", "-p", std::to_string(m_port), "-sd",
        m_store.path().string(), "-l", (m_store.path() / "nats.log").string() };
    m_handle = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(TOSSERP_NATS_SERVER_BIN, args));
    for (int attempt = 0; attempt < 200; ++attempt) {
        try {
            Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_port));
            return;
        } catch (const Poco::Exception&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
    }
    ADD_FAILURE() << "nats-server did not start on port " << m_port;
}

std::pair<int, std::string> runServerCommand(const std::vector<std::string>& args, const std::vector<std::string>& env)
{
    ServerProcess process(args, env);
    const int code = process.wait();
    return { code, process.out() + process.err() };
}

} // namespace tosserp::test
