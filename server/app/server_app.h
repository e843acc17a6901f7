#pragma once

#include "server/core/config.h"
#include "server/events/replay.h"

#include <Poco/Util/ServerApplication.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tosserp {

/// `tosserp-server`: reads its configuration (defaults, --config file, TOSSERP_*
/// environment, command line), opens the domain databases under the data directory,
/// optionally seeds the demo company, serves until SIGINT/SIGTERM, then shuts down cleanly
/// (in-flight requests finish, databases close).
class ServerApp : public Poco::Util::ServerApplication {
protected:
    void initialize(Poco::Util::Application& self) override;
    void defineOptions(Poco::Util::OptionSet& options) override;
    void handleOption(const std::string& name, const std::string& value) override;
    int main(const std::vector<std::string>& args) override;

private:
    void printHelp() const;
    void applyEnvironment();

    bool m_helpRequested = false;
    bool m_versionRequested = false;
    std::string m_replayDomain = "all";
    bool m_dryRun = false;
    std::string m_backupTo;
    std::string m_restoreFrom;
    /// Prints the replay reports; returns how many differences they found.
    static std::int64_t printReplay(const std::vector<events::ReplayReport>& reports);
    int replay(const ServerConfig& config);
    int backup(const ServerConfig& config);
    int restore(const ServerConfig& config);
};

} // namespace tosserp
