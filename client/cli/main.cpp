// tosserpctl: the command-line client on the same core as the desktop app — sign in, sync a
// replica, queue stock work offline, look things up, resolve conflicts.
#include "client/cli/commands.h"
#include "client/src/api_client.h"
#include "client/src/catalog_csv.h"
#include "client/src/sync_engine.h"
#include "domain/quantity.h"

#include <CLI/CLI.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <csignal>
#include <cstdlib>
#include <iostream>

using namespace tosserp;
using nlohmann::json;

namespace {

std::atomic<bool> g_stop { false };

std::string envOr(const char* name, const std::string& fallback)
{
    const char* value = std::getenv(name);
    return value && *value ? value : fallback;
}

std::string defaultReplica()
{
    const auto dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return (dir + "/replica.db").toStdString();
}

std::string quantityText(std::int64_t milli, const std::string& unit)
{
    const auto u = domain::Unit::parse(unit.empty() ? "pcs" : unit);
    return domain::Quantity::fromMilli(milli, u ? u.value() : domain::Unit {}).value().toDecimalString();
}

void printReport(const client::SyncReport& report, bool quiet)
{
    if (!quiet) {
        std::cout << "pushed " << report.pushed << " (" << report.applied << " applied, " << report.rejected
                  << " rejected, " << report.conflicts << " in conflict), pulled " << report.pulledChanges
                  << " changes in " << report.pages << " pages" << (report.resynced ? " after a fresh snapshot" : "")
                  << "\n";
    }
    if (!report.error.empty()) {
        std::cerr << "tosserpctl: " << report.error << " (next: " << sync::actionName(report.action) << ")\n";
    }
}

int exitFor(const client::SyncReport& report)
{
    if (report.error.empty()) {
        return cli::kOk;
    }
    if (report.action == sync::ClientAction::SignIn) {
        return cli::kSignInRequired;
    }
    return report.error.find("cannot be reached") != std::string::npos ? cli::kUnreachable : cli::kFailed;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName("TossErp");
    QCoreApplication::setApplicationName("TossErp");
    CLI::App cliApp { "tosserpctl — TossErp from the command line: sync a replica, queue stock work offline, look "
                      "things up, resolve conflicts." };
    cliApp.set_version_flag("--version", std::string("tosserpctl ") + TOSSERP_VERSION);
    cliApp.require_subcommand(1);
    std::string server = envOr("TOSSERP_SERVER", "");
    std::string replicaPath = envOr("TOSSERP_REPLICA", "");
    cliApp.add_option("--server", server, "Server address, e.g. https://erp.example.com (or TOSSERP_SERVER)");
    cliApp.add_option("--replica", replicaPath, "Replica file (or TOSSERP_REPLICA; default in the user's data folder)");

    std::string user;
    bool passwordStdin = false;
    auto* login = cliApp.add_subcommand("login", "Sign in and remember the session in the replica");
    login->add_option("--user", user, "Username")->required();
    login->add_flag("--password-stdin", passwordStdin, "Read the password from standard input");

    bool watch = false;
    bool verify = false;
    auto* syncCmd = cliApp.add_subcommand("sync", "Push queued work and pull the server's changes");
    syncCmd->add_flag("--watch", watch, "Keep syncing as changes happen (Ctrl-C stops)");
    syncCmd->add_flag("--verify", verify, "Afterwards compare checksums with the server and repair on a difference");

    bool asJson = false;
    auto* status = cliApp.add_subcommand("status", "Pending commands, last sync, conflicts");
    status->add_flag("--json", asJson, "Machine-readable output");

    auto* conflicts = cliApp.add_subcommand("conflicts", "List conflicts, or resolve one");
    conflicts->add_flag("--json", asJson, "Machine-readable output");
    std::int64_t conflictId = 0;
    std::string keep;
    auto* resolve = conflicts->add_subcommand("resolve", "Keep mine or theirs for one conflict");
    resolve->add_option("id", conflictId, "Conflict id (from tosserpctl conflicts)")->required();
    resolve->add_option("--keep", keep, "mine or theirs")->required()->check(CLI::IsMember({ "mine", "theirs" }));

    std::string sku, qty, warehouse, from, to, location, reason, reference;
    auto stockCommand = [&](const char* name, const char* help) {
        auto* c = cliApp.add_subcommand(name, help);
        c->add_option("--sku", sku, "Product SKU, barcode or id")->required();
        c->add_option("--qty", qty, "Quantity in the product's unit")->required();
        c->add_option("--reference", reference, "Delivery note, order or other reference");
        return c;
    };
    auto* receive = stockCommand("receive", "Receive goods from a supplier (queued offline)");
    receive->add_option("--warehouse,--location", warehouse, "Location id, WAREHOUSE/CODE or warehouse code")
        ->required();
    auto* ship = stockCommand("ship", "Ship goods to a customer (queued offline)");
    ship->add_option("--warehouse,--location", warehouse, "Location id, WAREHOUSE/CODE or warehouse code")->required();
    auto* move = stockCommand("move", "Move goods between locations (queued offline)");
    move->add_option("--from", from, "Location the goods leave")->required();
    move->add_option("--to", to, "Location the goods enter")->required();
    auto* adjust = stockCommand("adjust", "Correct stock, positive found or negative lost (queued offline)");
    adjust->add_option("--location,--warehouse", location, "Location")->required();
    adjust->add_option("--reason", reason, "Why (damaged, lost, found …)")->required();
    auto* count = stockCommand("count", "Record a count; sales made meanwhile are kept (queued offline)");
    count->add_option("--location,--warehouse", location, "Location counted")->required();

    auto* products = cliApp.add_subcommand("products", "Look products up or edit them");
    products->require_subcommand(1);
    std::string text;
    int limit = 20;
    auto* search = products->add_subcommand("search", "Search by name, SKU or barcode in the replica");
    search->add_option("text", text, "Part of a name, a SKU or a barcode")->required();
    search->add_option("--limit", limit, "At most this many");
    search->add_flag("--json", asJson, "Machine-readable output");
    std::optional<std::string> name, description, price, currency, active, barcodes;
    auto* update = products->add_subcommand("update", "Change a product (queued offline, merged per field)");
    update->add_option("--sku", sku, "Product SKU, barcode or id")->required();
    update->add_option("--name", name, "New name");
    update->add_option("--description", description, "New description");
    update->add_option("--price", price, "New price amount, e.g. 12.90");
    update->add_option("--currency", currency, "Currency of --price (default: unchanged)");
    update->add_option("--active", active, "true or false")->check(CLI::IsMember({ "true", "false" }));
    update->add_option("--barcodes", barcodes, "Comma-separated barcodes (replaces the list)");

    std::string csvPath;
    auto* importCmd = cliApp.add_subcommand("import", "Create products from a CSV file on the server (online)");
    importCmd
        ->add_option("file", csvPath,
            "CSV with a header: sku, name, price and optionally description, "
            "category_id, unit, currency, barcodes (| between codes)")
        ->required();
    auto* exportCmd = cliApp.add_subcommand("export", "Write the replica's products to a CSV file");
    exportCmd->add_option("file", csvPath, "Where to write")->required();

    auto* levels = cliApp.add_subcommand("levels", "Stock levels in the replica (server figure plus queued work)");
    levels->add_option("--sku", sku, "Only this product");
    levels->add_flag("--json", asJson, "Machine-readable output");

    try {
        cliApp.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version end well; every other parse error is a usage error.
        return cliApp.exit(e) == 0 ? cli::kOk : cli::kUsage;
    }

    try {
        client::Replica replica(QString::fromStdString(replicaPath.empty() ? defaultReplica() : replicaPath));
        if (server.empty()) {
            server = replica.meta("server_url");
        }
        client::ApiClient api(QString::fromStdString(server));
        api.setTokens(replica.meta("access_token"), replica.meta("refresh_token"));
        api.onTokens([&](const std::string& access, const std::string& refresh) {
            replica.setMeta("access_token", access);
            replica.setMeta("refresh_token", refresh);
        });
        auto needServer = [&] {
            if (server.empty()) {
                throw cli::UsageError("no server: give --server URL (or TOSSERP_SERVER) once");
            }
        };

        if (*login) {
            needServer();
            std::string password;
            if (passwordStdin) {
                std::getline(std::cin, password);
            } else if (const char* fromEnv = std::getenv("TOSSERP_PASSWORD")) {
                password = fromEnv;
            } else {
                throw cli::UsageError("give the password on standard input with --password-stdin");
            }
            const auto reply = api.login(user, password);
            if (!reply.ok()) {
                const auto body = reply.json();
                std::cerr << "tosserpctl: sign-in refused: "
                          << (reply.status == 0 ? reply.networkError
                                                : body.value("detail", "HTTP " + std::to_string(reply.status)))
                          << "\n";
                return reply.status == 0 ? cli::kUnreachable : cli::kSignInRequired;
            }
            replica.setMeta("server_url", server);
            replica.setMeta("user", user);
            std::cout << "signed in to " << server << " as " << user << "\n";
            return cli::kOk;
        }
        if (*syncCmd) {
            needServer();
            client::SyncEngine engine(replica, api);
            if (watch) {
                std::signal(SIGINT, [](int) { g_stop = true; });
                std::signal(SIGTERM, [](int) { g_stop = true; });
                engine.watch([] { return !g_stop.load(); }, [](const client::SyncReport& r) { printReport(r, false); });
                return cli::kOk;
            }
            auto report = engine.syncOnce([](int changes, const std::string& phase) {
                std::cerr << "\r" << phase << ": " << changes << " changes" << std::flush;
            });
            std::cerr << "\n";
            if (report.error.empty() && verify && !engine.verify(report)) {
                std::cerr << "tosserpctl: the replica still differs from the server after a re-sync\n";
                return cli::kFailed;
            }
            printReport(report, false);
            return exitFor(report);
        }
        if (*status) {
            const auto pending = replica.outbox({ "pending", "acked" });
            const auto refused = replica.outbox({ "rejected" });
            const auto open = replica.conflicts(true);
            json out = { { "server", server }, { "user", replica.meta("user") },
                { "last_sync", replica.meta("last_sync") }, { "position", replica.meta("position") },
                { "pending", pending.size() }, { "rejected", json::array() }, { "conflicts", open.size() },
                { "products", replica.count("products") } };
            for (const auto& entry : refused) {
                out["rejected"].push_back({ { "id", entry.id }, { "type", entry.type }, { "error", entry.lastError } });
            }
            if (asJson) {
                std::cout << out.dump(2) << "\n";
            } else {
                std::cout << "server:     " << server << " (as " << replica.meta("user") << ")\n"
                          << "last sync:  " << (out["last_sync"] == "" ? "never" : out["last_sync"].get<std::string>())
                          << "\n"
                          << "pending:    " << pending.size() << " commands\n"
                          << "rejected:   " << refused.size() << "\n"
                          << "conflicts:  " << open.size() << "\n"
                          << "products:   " << replica.count("products") << "\n";
                for (const auto& entry : refused) {
                    std::cout << "  rejected " << entry.type << " " << entry.id << ": " << entry.lastError << "\n";
                }
            }
            return cli::kOk;
        }
        if (*conflicts) {
            if (*resolve) {
                if (!replica.resolveConflict(conflictId, keep == "mine")) {
                    throw cli::UsageError("no open conflict " + std::to_string(conflictId));
                }
                std::cout << "conflict " << conflictId << " resolved: kept " << keep
                          << (keep == "mine" ? " (queued; sync to send)" : "") << "\n";
                return cli::kOk;
            }
            json list = json::array();
            for (const auto& c : replica.conflicts(true)) {
                list.push_back({ { "id", c.id }, { "product_id", c.productId }, { "field", c.field },
                    { "base", c.base }, { "mine", c.mine }, { "theirs", c.theirs } });
            }
            if (asJson) {
                std::cout << list.dump(2) << "\n";
            } else if (list.empty()) {
                std::cout << "no conflicts\n";
            } else {
                for (const auto& c : list) {
                    std::cout << "#" << c["id"] << " product " << c["product_id"] << " "
                              << c["field"].get<std::string>() << ": was " << c["base"].dump() << ", mine "
                              << c["mine"].dump() << ", theirs " << c["theirs"].dump() << "\n";
                }
            }
            return list.empty() ? cli::kOk : cli::kConflicts;
        }
        if (*receive || *ship || *move || *adjust || *count) {
            const auto product = cli::findProduct(replica, sku);
            const auto productId = product["id"].get<std::int64_t>();
            const auto unit = product.value("unit", "pcs");
            json payload = { { "product_id", productId } };
            if (!reference.empty()) {
                payload["reference"] = reference;
            }
            sync::CommandType type {};
            if (*receive || *ship) {
                type = *receive ? sync::CommandType::ReceiveStock : sync::CommandType::ShipStock;
                payload["quantity"] = cli::checkedQuantity(qty, product, false);
                payload["location_id"] = cli::findLocation(replica, warehouse);
            } else if (*move) {
                type = sync::CommandType::MoveStock;
                payload["quantity"] = cli::checkedQuantity(qty, product, false);
                payload["from_location_id"] = cli::findLocation(replica, from);
                payload["to_location_id"] = cli::findLocation(replica, to);
            } else if (*adjust) {
                type = sync::CommandType::AdjustStock;
                payload["quantity"] = cli::checkedQuantity(qty, product, true);
                payload["location_id"] = cli::findLocation(replica, location);
                payload["reason"] = reason;
            } else {
                type = sync::CommandType::CountStock;
                const auto at = cli::findLocation(replica, location);
                payload["counted"] = cli::checkedQuantity(qty, product, false);
                payload["location_id"] = at;
                payload["snapshot_quantity"] = cli::localOnHand(replica, productId, at, unit);
            }
            const auto id = replica.enqueue(type, payload);
            std::cout << "queued " << sync::commandTypeName(type) << " " << id << " (sync to send)\n";
            return cli::kOk;
        }
        if (*search) {
            const auto found = replica.search(text, limit);
            if (asJson) {
                std::cout << json(found).dump(2) << "\n";
            } else {
                for (const auto& p : found) {
                    std::cout << p.value("sku", "") << "\t" << p.value("name", "") << "\t"
                              << p["price"].value("amount", "") << " " << p["price"].value("currency", "") << "\n";
                }
            }
            return found.empty() ? cli::kFailed : cli::kOk;
        }
        if (*update) {
            const auto product = cli::findProduct(replica, sku);
            json changes = json::object();
            json base = json::object();
            auto set = [&](const char* field, const json& value) {
                changes[field] = value;
                base[field] = product[field];
            };
            if (name) {
                set("name", *name);
            }
            if (description) {
                set("description", *description);
            }
            if (active) {
                set("active", *active == "true");
            }
            if (price || currency) {
                set("price",
                    { { "amount", price.value_or(product["price"].value("amount", "0")) },
                        { "currency", currency.value_or(product["price"].value("currency", "EUR")) } });
            }
            if (barcodes) {
                json list = json::array();
                std::string item;
                for (char c : *barcodes + ",") {
                    if (c == ',') {
                        if (!item.empty()) {
                            list.push_back(item);
                        }
                        item.clear();
                    } else {
                        item += c;
                    }
                }
                changes["barcodes"] = list;
                json codes = json::array();
                for (const auto& b : product["barcodes"]) {
                    codes.push_back(b["code"]);
                }
                base["barcodes"] = codes;
            }
            if (changes.empty()) {
                throw cli::UsageError("nothing to change: give --name, --price or another field");
            }
            const auto id = replica.enqueue(sync::CommandType::UpdateProduct,
                { { "product_id", product["id"] }, { "base_version", product.value("version", 0) }, { "base", base },
                    { "changes", changes } });
            std::cout << "queued UpdateProduct " << id << " (sync to send)\n";
            return cli::kOk;
        }
        if (*importCmd) {
            needServer();
            const auto report = client::importProducts(api, csvPath, [](std::size_t done, std::size_t total) {
                std::cerr << "\rimporting " << done << " / " << total << std::flush;
            });
            std::cerr << "\n";
            std::cout << report.created << " products created, " << report.rejected.size() << " rows rejected\n";
            for (const auto& line : report.rejected) {
                std::cout << "  " << line << "\n";
            }
            return report.rejected.empty() ? cli::kOk : cli::kFailed;
        }
        if (*exportCmd) {
            std::cout << client::exportProducts(replica, csvPath) << " products written to " << csvPath << "\n";
            return cli::kOk;
        }
        if (*levels) {
            std::optional<std::int64_t> only;
            if (!sku.empty()) {
                only = cli::findProduct(replica, sku)["id"].get<std::int64_t>();
            }
            json list = json::array();
            for (const auto& level : replica.levels(only)) {
                list.push_back(
                    { { "product_id", level.productId }, { "sku", level.sku }, { "location_id", level.locationId },
                        { "location", level.locationCode }, { "warehouse_id", level.warehouseId },
                        { "on_hand", quantityText(level.serverMilli + level.pendingMilli, level.unit) },
                        { "pending", quantityText(level.pendingMilli, level.unit) }, { "unit", level.unit } });
            }
            if (asJson) {
                std::cout << list.dump(2) << "\n";
            } else {
                for (const auto& l : list) {
                    std::cout << l["sku"].get<std::string>() << "\t" << l["location"].get<std::string>() << "\t"
                              << l["on_hand"].get<std::string>() << " " << l["unit"].get<std::string>()
                              << (l["pending"] != "0" ? "  (" + l["pending"].get<std::string>() + " pending)" : "")
                              << "\n";
                }
            }
            return cli::kOk;
        }
    } catch (const client::CsvError& e) {
        std::cerr << "tosserpctl: " << e.what() << "\n";
        return cli::kUsage;
    } catch (const cli::UsageError& e) {
        std::cerr << "tosserpctl: " << e.what() << "\n";
        return cli::kUsage;
    } catch (const std::exception& e) {
        std::cerr << "tosserpctl: " << e.what() << "\n";
        return cli::kFailed;
    }
    return cli::kOk;
}
