#include "smtp_sink.h"

#include <Poco/Net/SocketStream.h>

#include <istream>

namespace tosserp::test {

void SmtpSink::run()
{
    while (!m_stop) {
        if (!m_socket.poll(Poco::Timespan(0, 200000), Poco::Net::Socket::SELECT_READ)) {
            continue;
        }
        try {
            serve(m_socket.acceptConnection());
        } catch (const Poco::Exception&) {
            // the client hung up: wait for the next one
        }
    }
}

void SmtpSink::serve(Poco::Net::StreamSocket peer)
{
    {
        peer.setReceiveTimeout(Poco::Timespan(5, 0));
        Poco::Net::SocketStream stream(peer);
        if (m_refused < m_refuse) {
            ++m_refused;
            stream << "421 down for a moment\r\n" << std::flush;
            return;
        }
        stream << "220 sink ready\r\n" << std::flush;
        Mail mail;
        std::string line;
        while (std::getline(stream, line)) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            const auto verb = line.substr(0, 4);
            if (verb == "EHLO" || verb == "HELO") {
                stream << "250 sink\r\n" << std::flush;
            } else if (verb == "RCPT") {
                mail.recipient = line.substr(line.find('<') + 1, line.find('>') - line.find('<') - 1);
                stream << "250 ok\r\n" << std::flush;
            } else if (verb == "DATA") {
                stream << "354 go on\r\n" << std::flush;
                while (std::getline(stream, line) && line != "." && line != ".\r") {
                    mail.data += line + "\n";
                }
                {
                    std::lock_guard lock(m_mutex);
                    m_mails.push_back(mail);
                }
                stream << "250 queued\r\n" << std::flush;
            } else if (verb == "QUIT") {
                stream << "221 bye\r\n" << std::flush;
                break;
            } else {
                stream << "250 ok\r\n" << std::flush;
            }
        }
    }
}

} // namespace tosserp::test
