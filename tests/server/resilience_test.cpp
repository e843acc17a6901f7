// Retry delays, the circuit breaker's three states and the bulkhead's bound; the payment
// provider adapter joining the caller's trace.
#include "server/core/http_dependency.h"
#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/core/metrics.h"
#include "server/core/resilience.h"
#include "server/payments/payment_provider.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using tosserp::Bulkhead;
using tosserp::CircuitBreaker;
using tosserp::RetryPolicy;

TEST(Retry, DelaysGrowExponentiallyWithFullJitterAndACeiling)
{
    RetryPolicy policy;
    policy.baseDelay = 50ms;
    policy.maxDelay = 400ms;
    std::mt19937_64 random(7);
    for (int retry = 1; retry <= 8; ++retry) {
        const auto ceiling = std::min<std::int64_t>(400, 50LL << (retry - 1));
        std::int64_t longest = 0;
        for (int draw = 0; draw < 200; ++draw) {
            const auto pause = policy.delay(retry, random).count();
            EXPECT_GE(pause, 0);
            EXPECT_LE(pause, ceiling) << "retry " << retry;
            longest = std::max(longest, pause);
        }
        EXPECT_GT(longest, ceiling / 2) << "the jitter spans the whole window, retry " << retry;
    }
}

TEST(CircuitBreaker, OpensAfterTheThresholdTriesOnceWhenHalfOpenAndClosesOnSuccess)
{
    auto now = CircuitBreaker::Clock::now();
    CircuitBreaker breaker("test_dependency", 3, 1000ms, [&] { return now; });
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Closed);
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess(); // a success in between starts the count again
    breaker.recordFailure();
    breaker.recordFailure();
    EXPECT_TRUE(breaker.allow());
    breaker.recordFailure();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Open);
    EXPECT_EQ(breaker.openFor(), 1000ms); // what a caller is told to wait (Retry-After)
    EXPECT_FALSE(breaker.allow());
    now += 999ms;
    EXPECT_EQ(breaker.openFor(), 1ms);
    EXPECT_FALSE(breaker.allow());
    now += 1ms;
    EXPECT_TRUE(breaker.allow()); // the one trial call
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::HalfOpen);
    EXPECT_FALSE(breaker.allow()); // only one at a time
    breaker.recordFailure();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Open);
    now += 1000ms;
    EXPECT_TRUE(breaker.allow());
    breaker.recordSuccess();
    EXPECT_EQ(breaker.state(), CircuitBreaker::State::Closed);
    EXPECT_EQ(breaker.openFor(), 0ms);
    EXPECT_TRUE(breaker.allow());
    const auto text = tosserp::metrics().render();
    EXPECT_NE(text.find("tosserp_circuit_state{dependency=\"test_dependency\"} 0"), std::string::npos);
    EXPECT_NE(text.find("tosserp_circuit_refused_total{dependency=\"test_dependency\"} 3"), std::string::npos);
}

TEST(Bulkhead, RefusesPastItsBoundAndFreesSlotsOnRelease)
{
    Bulkhead bulkhead("test_bulkhead", 2);
    {
        auto first = bulkhead.tryAcquire();
        auto second = bulkhead.tryAcquire();
        EXPECT_TRUE(first.acquired());
        EXPECT_TRUE(second.acquired());
        EXPECT_EQ(bulkhead.inFlight(), 2);
        const auto third = bulkhead.tryAcquire();
        EXPECT_FALSE(third.acquired());
        EXPECT_EQ(bulkhead.inFlight(), 2);
        auto moved = std::move(first);
        EXPECT_TRUE(moved.acquired());
        EXPECT_EQ(bulkhead.inFlight(), 2);
    }
    EXPECT_EQ(bulkhead.inFlight(), 0);
    EXPECT_TRUE(bulkhead.tryAcquire().acquired());
}

namespace {

/// What the stand-in provider was sent last (written on its thread, read on the test's).
struct Seen {
    std::mutex mutex;
    std::string traceparent;
    std::string get()
    {
        std::lock_guard lock(mutex);
        return traceparent;
    }
};

/// A stand-in provider that remembers the last `traceparent` it was sent and authorises.
class TraceRecorder : public Poco::Net::HTTPRequestHandler {
public:
    explicit TraceRecorder(Seen& seen)
        : m_seen(seen)
    { }
    void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override
    {
        {
            std::lock_guard lock(m_seen.mutex);
            m_seen.traceparent = in.get("traceparent", "");
        }
        in.stream().ignore(std::numeric_limits<std::streamsize>::max());
        out.setStatus(Poco::Net::HTTPResponse::HTTP_CREATED);
        out.setContentType("application/json");
        out.send() << R"({"id": "auth-1", "status": "authorised"})";
    }

private:
    Seen& m_seen;
};

class TraceRecorderFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit TraceRecorderFactory(Seen& seen)
        : m_seen(seen)
    { }
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new TraceRecorder(m_seen);
    }

private:
    Seen& m_seen;
};

} // namespace

TEST(PaymentProvider, ACallMadeForATracedOrderJoinsItsTraceAsANewSpan)
{
    Seen recorded;
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    Poco::Net::HTTPServer server(new TraceRecorderFactory(recorded), socket, new Poco::Net::HTTPServerParams);
    server.start();
    tosserp::payments::ProviderOptions options;
    options.baseUrl = "http://127.0.0.1:" + std::to_string(socket.address().port());
    tosserp::payments::PaymentProvider provider(options);
    const auto money = tosserp::domain::Money::parse("9.99", tosserp::domain::Currency::parse("EUR").value()).value();
    const std::string trace = "0af7651916cd43dd8448eb211c80319c";
    {
        const tosserp::log::TraceScope scope(trace);
        ASSERT_TRUE(provider.authorise("key-1", money, "order-1").ok());
    }
    auto seen = recorded.get();
    ASSERT_EQ(seen.size(), 55u) << seen;
    EXPECT_EQ(seen.substr(0, 36), "00-" + trace + "-");
    EXPECT_TRUE(tosserp::lowerHex(seen.substr(36, 16), 16)) << seen;
    EXPECT_EQ(seen.substr(52), "-01");
    // A trace its caller does not record ("00": not sampled) is passed on as such.
    {
        const tosserp::log::TraceScope scope(trace, "00");
        ASSERT_TRUE(provider.authorise("key-4", money, "order-4").ok());
    }
    seen = recorded.get();
    EXPECT_EQ(seen.substr(0, 36), "00-" + trace + "-") << seen;
    EXPECT_EQ(seen.substr(52), "-00") << seen;
    // Outside a trace (or with a correlation id that is not one) no traceparent is made up.
    ASSERT_TRUE(provider.authorise("key-2", money, "order-2").ok());
    EXPECT_EQ(recorded.get(), "");
    {
        const tosserp::log::TraceScope scope("req-77");
        ASSERT_TRUE(provider.authorise("key-3", money, "order-3").ok());
    }
    EXPECT_EQ(recorded.get(), "");
    server.stop();
}

namespace {

/// A stand-in dependency on loopback: counts the requests it is sent and the connections
/// they came on, and answers each with `answer` (which may take its time).
class StandIn {
public:
    /// Answers a request (its target in hand) on `out`.
    using Answer = std::function<void(const std::string& target, Poco::Net::HTTPServerResponse& out)>;
    explicit StandIn(Answer answer)
        : m_answer(std::move(answer))
    {
        listen(0);
    }
    ~StandIn() { m_server->stopAll(true); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    int requests() const { return m_requests.load(); }
    std::size_t connections()
    {
        std::lock_guard lock(m_mutex);
        return m_clients.size();
    }
    /// Stops (closing every connection, kept ones too) and listens again on the same port.
    void restart()
    {
        m_server->stopAll(true);
        m_server.reset();
        listen(m_port);
    }

private:
    struct Handler : Poco::Net::HTTPRequestHandler {
        explicit Handler(StandIn& owner)
            : owner(owner)
        { }
        void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override
        {
            ++owner.m_requests;
            {
                std::lock_guard lock(owner.m_mutex);
                owner.m_clients.insert(in.clientAddress().toString());
            }
            in.stream().ignore(std::numeric_limits<std::streamsize>::max());
            owner.m_answer(in.getURI(), out);
        }
        StandIn& owner;
    };
    struct Factory : Poco::Net::HTTPRequestHandlerFactory {
        explicit Factory(StandIn& owner)
            : owner(owner)
        { }
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
        {
            return new Handler(owner);
        }
        StandIn& owner;
    };

    void listen(std::uint16_t port)
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
        m_port = socket.address().port();
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, new Poco::Net::HTTPServerParams);
        m_server->start();
    }

    Answer m_answer;
    std::atomic<int> m_requests { 0 };
    std::mutex m_mutex;
    std::set<std::string> m_clients; ///< address:port of each connection a request came on
    std::uint16_t m_port = 0;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
};

/// Answers 200 with an empty object.
void answerOk(const std::string&, Poco::Net::HTTPServerResponse& out)
{
    out.setContentType("application/json");
    out.setContentLength(2);
    out.send() << "{}";
}

/// A POST that may not be sent twice (no idempotency key).
tosserp::HttpCall writeCall()
{
    tosserp::HttpCall write;
    write.method = "POST";
    write.target = "/things";
    write.body = "{}";
    write.retryable = false;
    return write;
}

tosserp::HttpDependencyOptions quickOptions(const std::string& url)
{
    tosserp::HttpDependencyOptions options;
    options.baseUrl = url;
    options.timeout = 300ms;
    options.retry.attempts = 3;
    options.retry.baseDelay = 1ms;
    options.retry.maxDelay = 5ms;
    options.breakerThreshold = 100;
    return options;
}

} // namespace

TEST(HttpDependency, AFailedAnswerIsAskedAgainOnlyWhenTheCallMayBeRepeated)
{
    StandIn failing([](const std::string&, Poco::Net::HTTPServerResponse& out) {
        out.setStatus(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
        out.send() << "{}";
    });
    tosserp::HttpDependency dependency("stand_in_failing", quickOptions(failing.url()));
    tosserp::HttpCall read;
    read.target = "/things";
    auto answer = dependency.call(read);
    EXPECT_TRUE(answer.answered);
    EXPECT_EQ(answer.status, 500);
    EXPECT_EQ(failing.requests(), 3);
    const auto write = writeCall();
    answer = dependency.call(write);
    EXPECT_EQ(answer.status, 500);
    EXPECT_EQ(failing.requests(), 4) << "a write that reached the dependency was sent again";
}

TEST(HttpDependency, ACallThatWaitedOutTheTimeoutIsNotSentAgain)
{
    StandIn slow([](const std::string&, Poco::Net::HTTPServerResponse& out) {
        std::this_thread::sleep_for(1s);
        out.send() << "{}";
    });
    tosserp::HttpDependency dependency("stand_in_slow", quickOptions(slow.url()));
    tosserp::HttpCall read;
    read.target = "/things";
    const auto answer = dependency.call(read);
    EXPECT_FALSE(answer.answered);
    EXPECT_TRUE(answer.maybeDelivered);
    EXPECT_NE(answer.problem.find("did not answer"), std::string::npos) << answer.problem;
    std::this_thread::sleep_for(1200ms); // any repeat would have arrived by now
    EXPECT_EQ(slow.requests(), 1);
}

TEST(HttpDependency, AWriteThatCouldNotConnectIsSaidNotToHaveArrived)
{
    std::uint16_t port = 0;
    {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = probe.address().port();
    } // closed: nothing listens there
    tosserp::HttpDependency dependency("stand_in_away", quickOptions("http://127.0.0.1:" + std::to_string(port)));
    const auto write = writeCall();
    const auto answer = dependency.call(write);
    EXPECT_FALSE(answer.answered);
    EXPECT_FALSE(answer.maybeDelivered) << "nothing was sent, so the caller may send it again";
    EXPECT_NE(answer.problem.find("could not be reached"), std::string::npos) << answer.problem;
}

TEST(HttpDependency, CallsShareAKeptConnection)
{
    StandIn service(answerOk);
    tosserp::HttpDependency dependency("stand_in_kept", quickOptions(service.url()));
    tosserp::HttpCall read;
    read.target = "/things";
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(dependency.call(read).status, 200);
    }
    EXPECT_EQ(service.connections(), 1u) << "each read opened a connection";
    EXPECT_EQ(dependency.idleConnections(), 1u);
    const auto write = writeCall();
    ASSERT_EQ(dependency.call(write).status, 200);
    ASSERT_EQ(dependency.call(write).status, 200);
    EXPECT_EQ(service.connections(), 1u) << "a write opened a connection of its own";
    EXPECT_EQ(dependency.idleConnections(), 1u);
}

TEST(HttpDependency, AKeptConnectionTheServiceClosedIsReplacedWithoutFailingTheCall)
{
    StandIn service(answerOk);
    auto options = quickOptions(service.url());
    options.breakerThreshold = 1; // a single failure counted would open it
    tosserp::HttpDependency dependency("stand_in_restarted", options);
    tosserp::HttpCall read;
    read.target = "/things";
    read.attempts = 1;
    ASSERT_EQ(dependency.call(read).status, 200);
    ASSERT_EQ(dependency.idleConnections(), 1u);
    service.restart(); // the kept connection is closed on the service's side
    const auto answer = dependency.call(read);
    EXPECT_TRUE(answer.answered) << answer.problem;
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(dependency.breaker().state(), tosserp::CircuitBreaker::State::Closed);
    EXPECT_EQ(service.requests(), 2);
    // A write that may not be repeated, on a kept connection closed by another restart: the
    // closed connection is seen before the write goes, so it is neither lost nor in doubt.
    service.restart();
    std::this_thread::sleep_for(100ms); // the close has reached this side
    const auto write = writeCall();
    const auto written = dependency.call(write);
    EXPECT_TRUE(written.answered) << written.problem;
    EXPECT_EQ(written.status, 200);
    EXPECT_EQ(service.requests(), 3);
}

TEST(HttpDependency, AnAnswerCutShortIsNoAnswer)
{
    StandIn cutting([](const std::string&, Poco::Net::HTTPServerResponse& out) {
        out.setContentLength(100);
        out.setKeepAlive(false); // the connection closes after 5 of the 100 bytes announced
        out.send() << "{\"id\"";
    });
    tosserp::HttpDependency dependency("stand_in_cutting", quickOptions(cutting.url()));
    const auto answer = dependency.call(writeCall());
    EXPECT_FALSE(answer.answered) << answer.body;
    EXPECT_TRUE(answer.maybeDelivered);
    EXPECT_NE(answer.problem.find("cut short"), std::string::npos) << answer.problem;
    EXPECT_EQ(dependency.idleConnections(), 0u);
    EXPECT_EQ(cutting.requests(), 1);
}

TEST(HttpDependency, AKeptConnectionTakesEachCallsOwnTimeout)
{
    StandIn service([](const std::string& target, Poco::Net::HTTPServerResponse& out) {
        if (target == "/slow") {
            std::this_thread::sleep_for(1s);
        }
        answerOk(target, out);
    });
    tosserp::HttpDependency dependency("stand_in_timeouts", quickOptions(service.url()));
    tosserp::HttpCall patient;
    patient.target = "/fast";
    patient.timeout = 5s;
    ASSERT_EQ(dependency.call(patient).status, 200);
    ASSERT_EQ(dependency.idleConnections(), 1u);
    // On the kept connection, a call that waits at most 300 ms for a 1 s answer gives up.
    tosserp::HttpCall hasty;
    hasty.target = "/slow";
    hasty.timeout = 300ms;
    const auto answer = dependency.call(hasty);
    EXPECT_FALSE(answer.answered) << "the kept connection waited with the first call's timeout";
    EXPECT_EQ(service.connections(), 1u);
}

TEST(HttpDependency, ManyCallersShareTheKeptConnectionsSafely)
{
    StandIn service(answerOk);
    tosserp::HttpDependency dependency("stand_in_shared", quickOptions(service.url()));
    std::atomic<int> answered { 0 };
    std::vector<std::thread> callers;
    for (int t = 0; t < 8; ++t) {
        callers.emplace_back([&] {
            for (int i = 0; i < 100; ++i) {
                auto call = i % 3 == 0 ? writeCall() : tosserp::HttpCall {};
                if (i % 3 != 0) {
                    call.target = "/things";
                }
                answered += dependency.call(call).status == 200 ? 1 : 0;
            }
        });
    }
    for (auto& caller : callers) {
        caller.join();
    }
    EXPECT_EQ(answered.load(), 800);
    EXPECT_EQ(service.requests(), 800) << "a call was sent twice or not at all";
    EXPECT_LE(dependency.idleConnections(), tosserp::HttpDependency::kIdleConnections);
    EXPECT_LE(service.connections(), 8u + tosserp::HttpDependency::kIdleConnections)
        << "connections were opened rather than kept";
}
