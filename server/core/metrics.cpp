#include "server/core/metrics.h"

#include <prometheus/text_serializer.h>

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
    m_requests.Add({ { "route", route }, { "method", method }, { "status", std::to_string(status) } }).Increment();
    m_latency.Add({ { "route", route }, { "method", method } }, latencyBuckets()).Observe(seconds);
}

void Metrics::observeDb(const std::string& operation, double seconds)
{
    m_db.Add({ { "operation", operation } }, latencyBuckets()).Observe(seconds);
}

prometheus::Gauge& Metrics::gauge(const std::string& name, const std::string& help)
{
    return prometheus::BuildGauge().Name(name).Help(help).Register(*m_registry).Add({});
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
