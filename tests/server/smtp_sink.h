#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tosserp::test {

/// Speaks enough SMTP to take mail (EHLO/HELO, MAIL, RCPT, DATA, QUIT) and keeps each
/// message as the recipient and the raw data. Refuses the first `refuse` connections with
/// 421, as a server that is down for a moment.
class SmtpSink {
public:
    explicit SmtpSink(int refuse = 0)
        : m_socket(Poco::Net::SocketAddress("127.0.0.1", 0))
        , m_refuse(refuse)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~SmtpSink()
    {
        m_stop = true;
        m_thread.join();
    }
    std::uint16_t port() const { return m_socket.address().port(); }

    struct Mail {
        std::string recipient;
        std::string data;
    };
    std::vector<Mail> mails()
    {
        std::lock_guard lock(m_mutex);
        return m_mails;
    }
    /// Waits until `count` mails arrived (or 15 s passed).
    std::vector<Mail> waitFor(std::size_t count)
    {
        for (int i = 0; i < 300 && mails().size() < count; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return mails();
    }
    int refused() const { return m_refused; }

private:
    void run();
    void serve(Poco::Net::StreamSocket peer);

    Poco::Net::ServerSocket m_socket;
    int m_refuse;
    std::atomic<int> m_refused { 0 };
    std::atomic<bool> m_stop { false };
    std::mutex m_mutex;
    std::vector<Mail> m_mails;
    std::thread m_thread;
};

} // namespace tosserp::test
