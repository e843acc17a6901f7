#include "server/core/metrics.h"

#include <prometheus/text_serializer.h>

#include <unordered_map>

namespace tosserp {

namespace {

const prometheus::Histogram::BucketBoundaries& latencyBuckets()
{
    static const prometheus::Histogram::BucketBoundaries buckets { 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
        0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0 };
    return buckets;
}

} // namespace

Metrics::Metrics()
    : m_registry(std::make_shared<prometheus::Registry>())
    , m_requests(prometheus::BuildCounter()
                     .Name("tosserp_http_requests_total")
                     .Help("HTTP requests answered, by route, method and status")
                     .Register(*m_registry))
    , m_latency(prometheus::BuildHistogram()
                    .Name("tosserp_http_request_duration_seconds")
                    .Help("Time from a request's headers read to its response written, by route and method")
                    .Register(*m_registry))
    , m_db(prometheus::BuildHistogram()
               .Name("tosserp_db_operation_duration_seconds")
               .Help("Time spent in database transactions, by operation")
               .Register(*m_registry))
{ }

void Metrics::observeRequest(const std::string& route, const std::string& method, int status, double seconds)
{
    // Looking a series up in a family locks it and hashes its labels; on the request path each
    // thread remembers the series it has used (they live as long as the registry).
    struct Series {
        prometheus::Counter* count;
        prometheus::Histogram* latency;
    };
    thread_local std::unordered_map<std::string, Series> cache;
    std::string key = route;
    key += '\x1f';
    key += method;
    key += '\x1f';
    key += std::to_string(status);
    auto it = cache.find(key);
    if (it == cache.end()) {
        Series series {
            &m_requests.Add({ { "route", route }, { "method", method }, { "status", std::to_string(status) } }),
            &m_latency.Add({ { "route", route }, { "method", method } }, latencyBuckets()),
        };
        it = cache.emplace(std::move(key), series).first;
    }
    it->second.count->Increment();
    it->second.latency->Observe(seconds);
}

void Metrics::observeDb(const std::string& operation, double seconds)
{
    m_db.Add({ { "operation", operation } }, latencyBuckets()).Observe(seconds);
}

prometheus::Gauge& Metrics::gauge(const std::string& name, const std::string& help, const prometheus::Labels& labels)
{
    return prometheus::BuildGauge().Name(name).Help(help).Register(*m_registry).Add(labels);
}

prometheus::Counter& Metrics::counter(
    const std::string& name, const std::string& help, const prometheus::Labels& labels)
{
    return prometheus::BuildCounter().Name(name).Help(help).Register(*m_registry).Add(labels);
}

std::string Metrics::render() const
{
    prometheus::TextSerializer serializer;
    return serializer.Serialize(m_registry->Collect());
}

Metrics& metrics()
{
    static Metrics instance;
    return instance;
}

} // namespace tosserp
