// tosserp-bench-events: how fast committed events reach JetStream, and how long a committed
// event takes to reach its consumers, through JetStream and in process, in one run.
//
//   tosserp-bench-events --nats nats://127.0.0.1:4222 [--events 200000] [--fanout 2000]
//
// Relay: `--events` events are committed into a fresh domain database first, then the relay
// publishes them all; events per second from its start until the stream holds the last one.
// Fan-out: `--fanout` events are committed one per transaction, 2 ms apart, and three
// consumers (as Stock, Payments and Notifications consume Orders) apply each through its own
// checkpoint; the latency is commit → the consumer's effect committed.
#include "server/core/log.h"
#include "server/events/dispatcher.h"
#include "server/events/jetstream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include <unistd.h>

using namespace tosserp;
using Clock = std::chrono::steady_clock;

namespace {

void usage(std::ostream& out)
{
    out << "Usage: tosserp-bench-events --nats URL [--events N] [--fanout N]\n"
           "Measures the JetStream relay's throughput and the commit-to-consumer latency of events\n"
           "through JetStream and in process. URL is a nats-server with JetStream (nats-server -js).\n";
}

std::unique_ptr<db::Database> eventDatabase(const std::filesystem::path& dir, const std::string& name)
{
    auto database = std::make_unique<db::Database>((dir / (name + ".db")).string());
    database->migrate({ { 1, "events", std::string(events::EventStore::schema()) + events::Checkpoints::schema() } });
    return database;
}

const events::EventContext kContext { "bench", "4bf92f3577b34da6a3ce929d0e0e4736", "" };

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

double relayThroughput(const std::string& url, const std::filesystem::path& dir, int count)
{
    const auto source = eventDatabase(dir, "relay");
    for (int done = 0; done < count; done += 1000) {
        source->write([&](db::Connection& c) {
            for (int i = done; i < std::min(count, done + 1000); ++i) {
                events::EventStore::append(c, "order-" + std::to_string(i), "OrderPlaced",
                    { { "order_id", i }, { "lines", { { { "product_id", 1 }, { "quantity", 2 } } } } }, kContext);
            }
        });
    }
    events::JetStream stream(url);
    const auto domain = "bench" + std::to_string(std::random_device {}() % 100000);
    stream.ensureStream(domain);
    const auto start = Clock::now();
    events::EventRelay relay(stream, { { domain, source.get() } });
    relay.start();
    while (stream.lastPublished(domain) < count) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    relay.stop();
    if (stream.storedEvents(domain) != count) {
        throw std::runtime_error("the stream holds " + std::to_string(stream.storedEvents(domain)) + " events, not "
            + std::to_string(count));
    }
    return count / seconds;
}

/// Latencies in ms from each commit to each consumer's committed effect.
std::vector<double> fanOut(const std::string& url, const std::filesystem::path& dir, int count)
{
    const std::string tag = url.empty() ? "local" : "nats";
    const auto source = eventDatabase(dir, "fan-" + tag);
    std::mutex mutex;
    std::map<std::int64_t, Clock::time_point> committed;
    std::vector<double> latencies;
    std::unique_ptr<events::JetStream> stream;
    std::unique_ptr<events::EventRelay> relay;
    const auto domain = "fan" + std::to_string(std::random_device {}() % 100000);
    events::EventDispatcher dispatcher;
    if (!url.empty()) {
        stream = std::make_unique<events::JetStream>(url);
        stream->ensureStream(domain);
        dispatcher.useJetStream(*stream);
        relay = std::make_unique<events::EventRelay>(
            *stream, std::vector<events::EventRelay::Source> { { domain, source.get() } });
        source->onCommit([&](db::Connection&) { relay->notify(); });
    } else {
        source->onCommit([&](db::Connection&) { dispatcher.notify(); });
    }
    std::vector<std::unique_ptr<db::Database>> targets;
    for (int i = 0; i < 3; ++i) {
        targets.push_back(eventDatabase(dir, tag + "-target-" + std::to_string(i)));
        auto* target = targets.back().get();
        const auto name = "target" + std::to_string(i) + "." + domain;
        dispatcher.subscribe({ name, source.get(), domain, target, { "OrderPlaced" },
            [&, target, name](const events::EventRecord& event) {
                events::Checkpoints::applyOnce(*target, name, event, [](db::Connection&) {});
                const auto now = Clock::now();
                std::lock_guard lock(mutex);
                latencies.push_back(
                    std::chrono::duration<double, std::milli>(now - committed.at(event.position)).count());
            } });
    }
    if (relay) {
        relay->start();
    }
    dispatcher.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // consumers subscribed
    for (int i = 0; i < count; ++i) {
        source->write([&](db::Connection& c) {
            const auto event = events::EventStore::append(
                c, "order-" + std::to_string(i), "OrderPlaced", { { "order_id", i } }, kContext);
            std::lock_guard lock(mutex);
            committed[event.position] = Clock::now();
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!dispatcher.drain(std::chrono::seconds(60))) {
        throw std::runtime_error("the consumers did not catch up within a minute");
    }
    dispatcher.stop();
    if (relay) {
        relay->stop();
    }
    return latencies;
}

} // namespace

int main(int argc, char** argv)
{
    std::string url;
    int count = 200000;
    int fanout = 2000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            usage(std::cout);
            return 0;
        }
        if (i + 1 >= argc) {
            usage(std::cerr);
            return 64;
        }
        if (arg == "--nats") {
            url = argv[++i];
        } else if (arg == "--events") {
            count = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--fanout") {
            fanout = std::max(1, std::atoi(argv[++i]));
        } else {
            usage(std::cerr);
            return 64;
        }
    }
    if (url.empty()) {
        usage(std::cerr);
        return 64;
    }
    log::setLevel(log::Level::Warn);
    const auto dir = std::filesystem::temp_directory_path() / ("tosserp-bench-events-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    try {
        std::cout << "relay: " << count << " events ... " << std::flush;
        std::cout << static_cast<long>(relayThroughput(url, dir, count)) << " events/s\n";
        for (const auto& transport : { std::string(), url }) {
            const auto latencies = fanOut(transport, dir, fanout);
            std::cout << "fan-out " << (transport.empty() ? "in process" : "through JetStream") << ": " << fanout
                      << " events x 3 consumers, commit -> effect p50 " << percentile(latencies, 0.5) << " ms, p99 "
                      << percentile(latencies, 0.99) << " ms, max " << percentile(latencies, 1.0) << " ms\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "tosserp-bench-events: " << e.what() << "\n";
        std::filesystem::remove_all(dir);
        return 1;
    }
    std::filesystem::remove_all(dir);
    return 0;
}
