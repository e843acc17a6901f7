#include "server/app/server_app.h"

#include "server/app/backup.h"

#include "server/app/runtime.h"
#include "server/core/config.h"
#include "server/core/log.h"
#include "server/stock/demo_seed.h"

#include <Poco/Path.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <malloc.h>
#include <pthread.h>
#include <set>

#ifndef TOSSERP_VERSION
#define TOSSERP_VERSION "0.0.0"
#endif

namespace tosserp {

namespace {

constexpr int kEnvironmentPriority = -50; // above the config file, below the command line

std::string envName(const std::string& key)
{
    std::string name = "TOSSERP_";
    for (char c : key) {
        name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return name;
}

} // namespace

void ServerApp::initialize(Poco::Util::Application& self)
{
    applyEnvironment();
    ServerApplication::initialize(self);
}

void ServerApp::applyEnvironment()
{
    Poco::AutoPtr<Poco::Util::MapConfiguration> environment(new Poco::Util::MapConfiguration);
    for (const auto& key : ServerConfig::keys()) {
        if (const char* value = std::getenv(envName(key).c_str())) {
            environment->setString(key, value);
        }
    }
    config().add(environment, kEnvironmentPriority, false);
}

void ServerApp::defineOptions(Poco::Util::OptionSet& options)
{
    ServerApplication::defineOptions(options);
    using Poco::Util::Option;
    options.addOption(Option("help", "h", "Show this help and exit."));
    options.addOption(Option("version", "v", "Show the version and exit."));
    options.addOption(Option("listen", "l", "Address to listen on (default 127.0.0.1:8080; port 0 picks a free one).")
                          .argument("HOST:PORT"));
    options.addOption(Option("data-dir", "d", "Directory of the domain databases (default ./data).").argument("DIR"));
    options.addOption(
        Option("config", "c", "Configuration file: key = value lines (.conf, .properties), or .ini, .json or .xml.")
            .argument("FILE"));
    options.addOption(Option("demo", "", "Seed a small demo company into an empty data directory."));
    options.addOption(Option("service", "",
        "Run one part of a split deployment: gateway, stock, users, orders or payments (default all: "
        "every domain in this process).")
                          .argument("NAME"));
    options.addOption(Option("log-level", "", "debug, info, warn or error (default info).").argument("LEVEL"));
    options.addOption(Option("tls-cert", "", "Serve HTTPS with this PEM certificate chain.").argument("FILE"));
    options.addOption(Option("tls-key", "", "The private key of --tls-cert (PEM).").argument("FILE"));
    options.addOption(Option("domain", "", "replay: stock, orders, payments or all (default all).").argument("DOMAIN"));
    options.addOption(Option("dry-run", "", "replay: report the differences without fixing them."));
    options.addOption(Option("to", "", "backup: the new or empty directory to write the backup to.").argument("DIR"));
    options.addOption(Option("from", "", "restore: the backup directory to restore from.").argument("DIR"));
}

void ServerApp::handleOption(const std::string& name, const std::string& value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help") {
        m_helpRequested = true;
        stopOptionsProcessing();
    } else if (name == "version") {
        m_versionRequested = true;
        stopOptionsProcessing();
    } else if (name == "config") {
        const auto extension = Poco::Path(value).getExtension();
        if (extension == "ini" || extension == "json" || extension == "xml") {
            loadConfiguration(value, Poco::Util::Application::PRIO_DEFAULT);
        } else {
            // .conf, .properties or no extension: `key = value` lines, as /etc/tosserp/server.conf.
            config().add(
                new Poco::Util::PropertyFileConfiguration(value), Poco::Util::Application::PRIO_DEFAULT, false);
        }
    } else if (name == "listen") {
        config().setString("listen", value);
    } else if (name == "data-dir") {
        config().setString("data_dir", value);
    } else if (name == "demo") {
        config().setString("demo", "true");
    } else if (name == "service") {
        config().setString("service", value);
    } else if (name == "log-level") {
        config().setString("log_level", value);
    } else if (name == "tls-cert") {
        config().setString("tls_cert", value);
    } else if (name == "tls-key") {
        config().setString("tls_key", value);
    } else if (name == "domain") {
        m_replayDomain = value;
    } else if (name == "dry-run") {
        m_dryRun = true;
    } else if (name == "to") {
        m_backupTo = value;
    } else if (name == "from") {
        m_restoreFrom = value;
    }
}

void ServerApp::printHelp() const
{
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("[OPTIONS]\n       tosserp-server replay [--domain DOMAIN] [--dry-run] [--data-dir DIR]"
                  "\n       tosserp-server backup --to DIR [--data-dir DIR]"
                  "\n       tosserp-server restore --from DIR [--data-dir DIR]");
    help.setHeader(
        "TossErp server: the Stock, Users, Orders and Payments services and their REST API, one database per domain.");
    std::string footer = "Every setting can also come from a --config file (key = value) or the environment:";
    for (const auto& key : ServerConfig::keys()) {
        footer += "\n  " + key + " (" + envName(key) + ")";
    }
    footer += "\nThe command line wins over the environment, which wins over the file.";
    footer += "\n\nA split deployment runs each domain as its own process on its own data (--service stock, "
              "users, orders or payments; stock, orders and payments with nats_url for the events between them) "
              "behind one "
              "--service gateway (with stock_url, users_url, orders_url and payments_url). All of them share "
              "service_key, the secret they present to each other.";
    footer += "\n\nreplay rebuilds a domain's projections (stock levels; the orders' catalog copy and order "
              "states; payment amounts) from its events, reports every difference from the live tables and "
              "fixes them (not with --dry-run). Exit status: 0 all equal, 1 differences found, 64 a usage error, "
              "70 a failure.";
    footer += "\n\nbackup copies every domain database (online, while the server runs; those on PostgreSQL "
              "through pg_dump) into a new directory with a manifest of sizes and SHA-256 sums. restore checks a "
              "backup and copies it into an empty data directory and the new, empty PostgreSQL databases the "
              "*_database settings name, then checks the projections against the events as replay --dry-run does. "
              "Exit status: 0 done (and, for restore, all equal), 1 differences found, 64 a usage error, "
              "65 a damaged backup, 70 a failure.\nAny command: 78 a configuration error.";
    help.setFooter(footer);
    help.format(std::cout);
}

int ServerApp::replay(const ServerConfig& config)
{
    std::vector<events::ReplayReport> reports;
    try {
        reports = replayProjections(config, m_replayDomain, m_dryRun);
    } catch (const std::invalid_argument& e) {
        std::cerr << "tosserp-server: " << e.what() << "\n";
        return EXIT_USAGE;
    } catch (const std::exception& e) {
        std::cerr << "tosserp-server: replay failed: " << e.what() << "\n";
        return EXIT_SOFTWARE;
    }
    return printReplay(reports) == 0 ? EXIT_OK : 1;
}

std::int64_t ServerApp::printReplay(const std::vector<events::ReplayReport>& reports)
{
    std::int64_t differences = 0;
    for (const auto& report : reports) {
        const auto rate
            = report.seconds > 0 ? static_cast<long long>(static_cast<double>(report.events) / report.seconds) : 0;
        std::cout << report.domain << " / " << report.projection << ": " << report.events << " events, " << report.rows
                  << " rows, " << report.differences << " differences"
                  << (report.fixed ? " (fixed)" : (report.differences > 0 ? " (not fixed: --dry-run)" : "")) << ", "
                  << static_cast<long long>(report.seconds * 1000) << " ms (" << rate << " events/s)\n";
        for (const auto& sample : report.samples) {
            std::cout << "  " << sample << "\n";
        }
        differences += report.differences;
    }
    return differences;
}

int ServerApp::backup(const ServerConfig& config)
{
    if (m_backupTo.empty()) {
        std::cerr << "tosserp-server: backup needs --to DIR (see --help)\n";
        return EXIT_USAGE;
    }
    try {
        std::uintmax_t bytes = 0;
        for (const auto& file : backupData(config, m_backupTo)) {
            std::cout << file.name << ": " << file.bytes << " bytes, sha256 " << file.sha256 << "\n";
            bytes += file.bytes;
        }
        std::cout << "backup written to " << m_backupTo << " (" << bytes << " bytes)\n";
        return EXIT_OK;
    } catch (const BackupUsageError& e) {
        std::cerr << "tosserp-server: " << e.what() << "\n";
        return EXIT_USAGE;
    } catch (const std::exception& e) {
        std::cerr << "tosserp-server: backup failed: " << e.what() << "\n";
        return EXIT_SOFTWARE;
    }
}

int ServerApp::restore(const ServerConfig& config)
{
    if (m_restoreFrom.empty()) {
        std::cerr << "tosserp-server: restore needs --from DIR (see --help)\n";
        return EXIT_USAGE;
    }
    std::set<std::string> restored; // the domains the backup held
    try {
        for (const auto& file : restoreData(m_restoreFrom, config)) {
            std::cout << file.name << ": restored, " << file.bytes << " bytes\n";
            restored.insert(file.domain);
        }
    } catch (const BackupUsageError& e) {
        std::cerr << "tosserp-server: " << e.what() << "\n";
        return EXIT_USAGE;
    } catch (const BackupDamagedError& e) {
        std::cerr << "tosserp-server: restore refused, nothing restored: " << e.what() << "\n";
        return EXIT_DATAERR;
    } catch (const std::exception& e) {
        std::cerr << "tosserp-server: restore failed, nothing restored: " << e.what() << "\n";
        return EXIT_SOFTWARE;
    }
    // The restored projections must agree with the restored events. A split deployment's
    // service directory holds one domain: only what the backup held is checked.
    try {
        std::int64_t differences = 0;
        for (const auto* domain : { "stock", "orders", "payments" }) {
            if (!restored.contains(domain)) {
                continue;
            }
            if (std::string(domain) == "orders" && !restored.contains("stock")) {
                std::cout << "orders: not checked here: the Orders catalog copy is rebuilt from the Stock domain's "
                             "events, which this backup does not hold (replay --domain orders where both are)\n";
                continue;
            }
            differences += printReplay(replayProjections(config, domain, true));
        }
        std::cout << "restored into " << config.dataDir << "; "
                  << (differences == 0 ? "projections agree with the events"
                                       : "projections differ from the events: run replay to fix them")
                  << "\n";
        return differences == 0 ? EXIT_OK : 1;
    } catch (const std::exception& e) {
        std::cerr << "tosserp-server: the restored data cannot be checked: " << e.what() << "\n";
        return EXIT_SOFTWARE;
    }
}

int ServerApp::main(const std::vector<std::string>& args)
{
    if (m_helpRequested) {
        printHelp();
        return EXIT_OK;
    }
    if (m_versionRequested) {
        std::cout << "tosserp-server " << TOSSERP_VERSION << "\n";
        return EXIT_OK;
    }
    // Password hashing allocates 19 MiB per hash; with the default dynamic threshold glibc keeps
    // such blocks in every worker thread's arena after the first one. A fixed threshold hands
    // them back to the system when the hash is done.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    const bool command
        = !args.empty() && (args.front() == "replay" || args.front() == "backup" || args.front() == "restore");
    if (!args.empty() && (!command || args.size() > 1)) {
        std::cerr << "tosserp-server: unexpected argument \"" << args.back() << "\" (see --help)\n";
        return EXIT_USAGE;
    }
    ServerConfig serverConfig;
    try {
        serverConfig = ServerConfig::from(config());
    } catch (const std::invalid_argument& e) {
        std::cerr << "tosserp-server: " << e.what() << "\n";
        return EXIT_CONFIG;
    }
    log::Level level = log::Level::Info;
    log::parseLevel(serverConfig.logLevel, level);
    log::setLevel(level);
    if (!args.empty()) {
        return args.front() == "backup" ? backup(serverConfig)
            : args.front() == "restore" ? restore(serverConfig)
                                        : replay(serverConfig);
    }

    log::debug("configuration",
        { { "listen", serverConfig.host + ":" + std::to_string(serverConfig.port) },
            { "data_dir", serverConfig.dataDir }, { "threads", serverConfig.threads },
            { "max_body_bytes", serverConfig.maxBodyBytes }, { "access_log", serverConfig.accessLog },
            { "allow_negative_stock", serverConfig.allowNegativeStock }, { "demo", serverConfig.demo } });
    // Hold the stop signals from here on, in this thread and every thread the runtime starts:
    // waitForTerminationRequest() takes them with sigwait(), and a SIGTERM that arrives while the
    // server is still starting is kept for it instead of killing the process half-way.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGQUIT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::unique_ptr<Runtime> runtime;
    try {
        runtime = std::make_unique<Runtime>(serverConfig);
        if (serverConfig.demo && (serverConfig.service == "all" || serverConfig.service == "stock")) {
            const auto seeded = stock::seedDemoCompany(runtime->catalog(), runtime->warehouses(), runtime->inventory());
            if (seeded.products > 0) {
                log::info("demo company seeded",
                    { { "warehouses", seeded.warehouses }, { "locations", seeded.locations },
                        { "categories", seeded.categories }, { "products", seeded.products },
                        { "movements", seeded.movements } });
            }
        }
        runtime->start();
        if (const auto& password = runtime->generatedAdminPassword()) {
            std::cout << "Created the user admin with the password " << *password
                      << " (shown only now; set TOSSERP_ADMIN_PASSWORD to choose it)" << std::endl;
        }
    } catch (const std::exception& e) {
        std::cerr << "tosserp-server: cannot start: " << e.what() << "\n";
        return EXIT_SOFTWARE;
    }
    const std::string url = std::string(serverConfig.tlsCert.empty() ? "http://" : "https://") + serverConfig.host + ":"
        + std::to_string(runtime->port());
    log::info("listening",
        { { "url", url }, { "service", serverConfig.service }, { "data_dir", serverConfig.dataDir },
            { "version", TOSSERP_VERSION } });
    std::cout << "TossErp server " << TOSSERP_VERSION
              << (serverConfig.service == "all" ? std::string() : " (" + serverConfig.service + " service)")
              << " listening on " << url << " (data in " << serverConfig.dataDir << ")" << std::endl;

    waitForTerminationRequest();
    log::info("shutting down");
    runtime->stop();
    runtime.reset();
    log::info("stopped");
    return EXIT_OK;
}

} // namespace tosserp
