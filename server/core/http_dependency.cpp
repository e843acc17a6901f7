#include "server/core/http_dependency.h"

#include "server/core/ids.h"
#include "server/core/log.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/Socket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include <memory>
#include <sstream>
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
        std::unique_ptr<Poco::Net::HTTPClientSession> kept;
        {
            std::lock_guard lock(m_idleMutex);
            if (m_idle.empty()) {
                break;
            }
            kept = std::move(m_idle.back());
            m_idle.pop_back();
        }
        // An idle connection has nothing to read: if it has, the other side closed it (a
        // restart), and it is not used.
        try {
            if (kept->connected() && !kept->socket().poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ)) {
                reused = true;
                return kept;
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
    made->setKeepAlive(reuse);
    // Opened again (before anything is sent) once idle this long: the server would close it.
    made->setKeepAliveTimeout(Poco::Timespan(kIdleFor.count(), 0));
    return made;
}

void HttpDependency::keep(std::unique_ptr<Poco::Net::HTTPClientSession> connection)
{
    std::lock_guard lock(m_idleMutex);
    if (m_idle.size() < kIdleConnections) {
        m_idle.push_back(std::move(connection));
    }
}

void HttpDependency::dropIdle()
{
    std::vector<std::unique_ptr<Poco::Net::HTTPClientSession>> dropped;
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
        if (!again && !m_breaker.allow()) {
            answer.problem = m_name + " is failing; calls to it are paused.";
            return answer;
        }
        again = false;
        // Until the request is on its way (connected, TLS handshake done, headers written) a
        // failure cannot have reached the dependency: even a call that is not retryable may go
        // again.
        bool sent = false;
        bool reused = false;
        try {
            auto kept = connection(reuse, reused);
            auto& session = *kept;
            session.setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(timeout).count()));
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
            auto& body = session.sendRequest(request);
            sent = true;
            // The body goes out at once, not held back until the headers are acknowledged (on a
            // kept connection the other side delays its acknowledgements).
            session.socket().setNoDelay(true);
            body << call.body;
            Poco::Net::HTTPResponse response;
            auto& in = session.receiveResponse(response);
            std::stringstream received;
            received << in.rdbuf();
            answer.answered = true;
            answer.status = static_cast<int>(response.getStatus());
            answer.headers.clear();
            for (const auto& [name, value] : response) {
                answer.headers.emplace_back(name, value);
            }
            answer.body = received.str();
            answer.maybeDelivered = false;
            if (response.getKeepAlive()) {
                keep(std::move(kept));
            }
            if (answer.status >= 500 && !(answer.status == 503 && m_options.busyIsAnswer)) {
                m_breaker.recordFailure();
                answer.problem = m_name + " answered " + std::to_string(answer.status) + ".";
                if (!call.retryable) {
                    return answer;
                }
                continue;
            }
            m_breaker.recordSuccess();
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
            m_breaker.recordFailure();
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
