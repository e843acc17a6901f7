#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace tosserp {

/// The process's Prometheus metrics: HTTP requests per route, method and status, their
/// latency, database time per operation, and business figures the services set.
/// Thread-safe (prometheus-cpp locks internally).
class Metrics {
public:
    Metrics();

    void observeRequest(const std::string& route, const std::string& method, int status, double seconds);
    void observeDb(const std::string& operation, double seconds);
    prometheus::Gauge& gauge(const std::string& name, const std::string& help, const prometheus::Labels& labels = {});
    prometheus::Counter& counter(
        const std::string& name, const std::string& help, const prometheus::Labels& labels = {});
    /// The Prometheus text exposition format (version 0.0.4).
    std::string render() const;

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter>& m_requests;
    prometheus::Family<prometheus::Histogram>& m_latency;
    prometheus::Family<prometheus::Histogram>& m_db;
};

/// The process-wide metrics.
Metrics& metrics();

} // namespace tosserp
