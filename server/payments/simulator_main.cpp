// tosserp-payment-sim: the simulated payment provider as its own small HTTP process.
#include "server/core/config.h"
#include "server/core/log.h"
#include "server/http/server.h"
#include "server/payments/simulator.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include <pthread.h>
#include <unistd.h>

namespace {

constexpr const char* kUsage = R"(usage: tosserp-payment-sim [OPTIONS]
A simulated payment provider for TossErp: authorisations, captures and refunds held in
memory, each answer remembered under its Idempotency-Key. tosserp-server starts one by
itself when no payment_provider is configured.

  --listen HOST:PORT     address to listen on (default 127.0.0.1:0, a free port)
  --latency-ms N         wait N milliseconds before every answer (default 0)
  --decline-rate R       decline this share of new authorisations, 0 to 1 (default 0)
  --error-rate R         answer this share of calls 503 without acting, 0 to 1 (default 0)
  --seed N               seed of the decline and error draws (default 1)
  --parent-pid PID       exit when process PID ends (used by tosserp-server)
  -h, --help             show this help and exit

Prints "listening on http://HOST:PORT" once it accepts calls; stops on SIGINT or SIGTERM.
)";

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}

double rate(const std::string& option, const std::string& text)
{
    std::size_t used = 0;
    double value = -1;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || value < 0 || value > 1) {
        throw std::invalid_argument(option + " must be a number from 0 to 1, not \"" + text + "\"");
    }
    return value;
}

long long integer(const std::string& option, const std::string& text, long long max)
{
    std::size_t used = 0;
    long long value = -1;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || value < 0 || value > max) {
        throw std::invalid_argument(
            option + " must be a whole number from 0 to " + std::to_string(max) + ", not \"" + text + "\"");
    }
    return value;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace tosserp;
    payments::SimulatorOptions options;
    http::HttpServerOptions server;
    server.port = 0;
    server.maxThreads = 32;
    server.accessLog = false;
    long long parent = 0;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg == "-h" || arg == "--help") {
                std::cout << kUsage;
                return 0;
            }
            if (i + 1 >= argc) {
                throw std::invalid_argument(arg == "--listen" || arg.rfind("--", 0) == 0
                        ? arg + " needs a value (see --help)"
                        : "unknown argument \"" + arg + "\" (see --help)");
            }
            const std::string value = argv[++i];
            if (arg == "--listen") {
                parseListen(value, server.host, server.port);
            } else if (arg == "--latency-ms") {
                options.latency = std::chrono::milliseconds(integer(arg, value, 60000));
            } else if (arg == "--decline-rate") {
                options.declineRate = rate(arg, value);
            } else if (arg == "--error-rate") {
                options.errorRate = rate(arg, value);
            } else if (arg == "--seed") {
                options.seed = static_cast<std::uint64_t>(integer(arg, value, 1LL << 62));
            } else if (arg == "--parent-pid") {
                parent = integer(arg, value, 1LL << 31);
            } else {
                throw std::invalid_argument("unknown option \"" + arg + "\" (see --help)");
            }
        }
    } catch (const std::invalid_argument& e) {
        std::cerr << "tosserp-payment-sim: " << e.what() << "\n";
        return 2;
    }
    log::setLevel(log::Level::Warn);
    payments::PaymentSimulator simulator(options);
    http::Router router;
    simulator.registerRoutes(router);
    // A parent server holds its stop signals blocked and the mask is inherited: take them back
    // before any thread starts, so a SIGTERM ends this provider at any moment.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    pthread_sigmask(SIG_UNBLOCK, &stopSignals, nullptr);
    http::HttpServer http(router, nullptr, server);
    try {
        http.start();
    } catch (const std::exception& e) {
        std::cerr << "tosserp-payment-sim: cannot listen on " << server.host << ":" << server.port << ": " << e.what()
                  << "\n";
        return 1;
    }
    std::cout << "listening on http://" << server.host << ":" << http.port() << std::endl;
    while (!g_stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        if (parent > 0 && getppid() != static_cast<pid_t>(parent)) {
            break; // the server that started this provider is gone
        }
    }
    http.stop();
    return 0;
}
