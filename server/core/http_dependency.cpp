#include "server/core/http_dependency.h"

#include "server/core/ids.h"
#include "server/core/log.h"

#include <Poco/Buffer.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/Socket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <memory>
#include <stdexcept>
#include <strings.h>
#include <thread>

namespace tosserp {

std::string HttpAnswer::header(const std::string& name) const
{
    for (const auto& [key, value] : headers) {
        if (strcasecmp(key.c_str(), name.c_str()) == 0) {
            return value;
        }
    }
    return {};
}

HttpDependency::HttpDependency(std::string name, HttpDependencyOptions options)
    : m_name(std::move(name))
    , m_options(std::move(options))
    , m_breaker(m_name, m_options.breakerThreshold, m_options.breakerOpenFor)
    , m_bulkhead(m_name, m_options.maxConcurrent)
    , m_random(std::random_device {}())
{
    const Poco::URI uri(m_options.baseUrl);
    if (uri.getScheme() != "http" && uri.getScheme() != "https") {
        throw std::invalid_argument(m_name + ": \"" + m_options.baseUrl + "\" is not an http:// or https:// URL");
    }
    m_host = uri.getHost();
    m_port = uri.getPort();
    m_https = uri.getScheme() == "https";
    m_prefix = uri.getPath();
    while (!m_prefix.empty() && m_prefix.back() == '/') {
        m_prefix.pop_back();
    }
    if (m_https) {
        m_tls = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
    }
}

HttpDependency::~HttpDependency() = default;

std::size_t HttpDependency::idleConnections() const
{
    std::lock_guard lock(m_idleMutex);
    return m_idle.size();
}

std::unique_ptr<Poco::Net::HTTPClientSession> HttpDependency::connection(bool reuse, bool& reused)
{
    reused = false;
    while (reuse) {
        Idle kept;
        {
            std::lock_guard lock(m_idleMutex);
            if (m_idle.empty()) {
                break;
            }
            kept = std::move(m_idle.back());
            m_idle.pop_back();
        }
        // Too old: the session would quietly open a new connection itself (its keep-alive
        // timeout, longer than kIdleFor), and the server closes idle ones after 15 s.
        if (Clock::now() - kept.requestedAt >= kIdleFor) {
            continue;
        }
        // An idle connection has nothing to read: if it has, the other side closed it (a
        // restart), and it is not used.
        try {
            if (kept.connection->connected()
                && !kept.connection->socket().poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) {
                reused = true;
                return std::move(kept.connection);
            }
        } catch (const Poco::Exception&) {
            // Unusable: dropped like a closed one.
        }
    }
    std::unique_ptr<Poco::Net::HTTPClientSession> made;
    if (m_https) {
        made = std::make_unique<Poco::Net::HTTPSClientSession>(m_host, m_port, m_tls);
    } else {
        made = std::make_unique<Poco::Net::HTTPClientSession>(m_host, m_port);
    }
    made->setKeepAlive(true);
    // Longer than kIdleFor, so a kept connection is dropped here before the session would open
    // a new one by itself behind the caller's back.
    made->setKeepAliveTimeout(Poco::Timespan(2 * kIdleFor.count(), 0));
    return made;
}

void HttpDependency::keep(std::unique_ptr<Poco::Net::HTTPClientSession> connection, Clock::time_point requestedAt)
{
    // Bytes read beyond the answer (a server that sent more than it announced) would be taken
    // for the next call's answer: such a connection is not kept.
    Poco::Buffer<char> leftover(0);
    connection->drainBuffer(leftover);
    if (leftover.size() > 0) {
        return;
    }
    std::lock_guard lock(m_idleMutex);
    if (m_idle.size() < kIdleConnections) {
        m_idle.push_back({ std::move(connection), requestedAt });
    }
}

void HttpDependency::dropIdle()
{
    std::vector<Idle> dropped; // closed outside the lock
    {
        std::lock_guard lock(m_idleMutex);
        dropped.swap(m_idle);
    }
}

HttpAnswer HttpDependency::call(const HttpCall& call)
{
    HttpAnswer answer;
    const auto permit = m_bulkhead.tryAcquire();
    if (!permit.acquired()) {
        answer.problem = "Too many calls to " + m_name + " are in flight; try again shortly.";
        return answer;
    }
    answer.problem = m_name + " did not answer.";
    const int attempts = call.attempts > 0 ? call.attempts : m_options.retry.attempts;
    const auto timeout = call.timeout.count() > 0 ? call.timeout : m_options.timeout;
    bool reuse = true;
    bool again = false; // this attempt repeats one made on a kept connection that was closed
    // The breaker let this call through and has not heard how it went: whatever ends the call
    // (an exception of any kind too) tells it, so a half-open breaker never waits forever for
    // its trial call.
    bool trialOut = false;
    struct Settle {
        CircuitBreaker& breaker;
        bool& trialOut;
        ~Settle()
        {
            if (trialOut) {
                breaker.recordFailure();
            }
        }
    } settle { m_breaker, trialOut };
    const auto record = [&](bool success) {
        trialOut = false;
        if (success) {
            m_breaker.recordSuccess();
        } else {
            m_breaker.recordFailure();
        }
    };
    const auto micros = [](std::chrono::milliseconds t) {
        return Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(t).count());
    };
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        if (attempt > 1 && !again) {
            std::chrono::milliseconds pause;
            {
                std::lock_guard lock(m_randomMutex);
                pause = m_options.retry.delay(attempt - 1, m_random);
            }
            std::this_thread::sleep_for(pause);
        }
        // A repeat on a new connection goes under the breaker's leave already given (half-open
        // lets one call through, and this is still that call).
        if (!again) {
            if (!m_breaker.allow()) {
                answer.problem = m_name + " is failing; calls to it are paused.";
                return answer;
            }
            trialOut = true;
        }
        again = false;
        // Until the connection is made (and its TLS handshake done) nothing can have reached the
        // dependency: even a call that is not retryable may go again. From then on (the request
        // is buffered, then sent with the first read of the answer) it may have.
        bool sent = false;
        bool reused = false;
        try {
            auto kept = connection(reuse, reused);
            auto& session = *kept;
            session.setTimeout(micros(timeout));
            if (reused) {
                // A session applies its timeout when it connects: a kept one is told again.
                session.socket().setSendTimeout(micros(timeout));
                session.socket().setReceiveTimeout(micros(timeout));
            }
            Poco::Net::HTTPRequest request(call.method, m_prefix + call.target, Poco::Net::HTTPMessage::HTTP_1_1);
            for (const auto& [name, value] : call.headers) {
                request.set(name, value);
            }
            if (!call.body.empty() || call.method == "POST" || call.method == "PUT" || call.method == "PATCH") {
                request.setContentLength(static_cast<std::streamsize>(call.body.size()));
            }
            // The call joins the trace this thread works for, as a span of its own (unless the
            // caller named the span).
            if (!request.has("traceparent")) {
                if (const auto traceparent = childTraceparent(log::currentTrace(), log::currentTraceFlags());
                    !traceparent.empty()) {
                    request.set("traceparent", traceparent);
                }
            }
            const auto requestedAt = Clock::now();
            auto& body = session.sendRequest(request);
            sent = true;
            body << call.body;
            Poco::Net::HTTPResponse response;
            auto& in = session.receiveResponse(response);
            std::string received;
            Poco::StreamCopier::copyToString(in, received);
            // An answer cut short (the connection dropped mid-body) is no answer: the stream ends
            // quietly, so its length and the session's error say so.
            if (in.bad() || session.networkException() != nullptr
                || (response.hasContentLength()
                    && static_cast<Poco::Int64>(received.size()) != response.getContentLength64())) {
                throw Poco::Net::MessageException(m_name + "'s answer was cut short");
            }
            answer.answered = true;
            answer.status = static_cast<int>(response.getStatus());
            answer.headers.clear();
            for (const auto& [name, value] : response) {
                answer.headers.emplace_back(name, value);
            }
            answer.body = std::move(received);
            answer.maybeDelivered = false;
            if (response.getKeepAlive()) {
                keep(std::move(kept), requestedAt);
            }
            if (answer.status >= 500 && !(answer.status == 503 && m_options.busyIsAnswer)) {
                record(false);
                answer.problem = m_name + " answered " + std::to_string(answer.status) + ".";
                if (!call.retryable) {
                    return answer;
                }
                continue;
            }
            record(true);
            answer.problem.clear();
            return answer;
        } catch (const Poco::Exception& e) {
            // The other kept connections are likely as dead as this one (the dependency
            // restarted): the next tries open new ones.
            dropIdle();
            const bool timedOut = dynamic_cast<const Poco::TimeoutException*>(&e) != nullptr;
            if (reused && !timedOut && (!sent || call.retryable)) {
                // A kept connection the other side closed just now: tried again at once on a new
                // one, without counting against the dependency. (A call that may not be repeated
                // and was sent is not: it may have arrived.)
                reuse = false;
                again = true;
                --attempt;
                continue;
            }
            record(false);
            answer.answered = false;
            answer.maybeDelivered = sent;
            answer.problem = m_name + (sent ? " did not answer: " : " could not be reached: ") + e.displayText();
            if (sent && !call.retryable) {
                break;
            }
            // A dependency that let the whole timeout pass is stuck or overloaded: asking again
            // would make the caller wait that long once more, and load it further.
            if (sent && timedOut) {
                break;
            }
        }
    }
    if (!answer.answered) {
        log::warn("dependency unavailable", { { "dependency", m_name }, { "problem", answer.problem } });
    }
    return answer;
}

} // namespace tosserp
