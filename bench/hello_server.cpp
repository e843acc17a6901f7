// The floor for HTTP throughput: a Poco HTTPServer with the same thread and keep-alive
// settings as tosserp-server whose only handler answers a fixed small JSON body.
// Usage: tosserp-bench-hello PORT   (stops on SIGINT/SIGTERM)
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

class Hello : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override
    {
        static const std::string body = R"({"hello":"world"})";
        response.setContentType("application/json");
        response.setContentLength(static_cast<std::streamsize>(body.size()));
        response.sendBuffer(body.data(), body.size());
    }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
    {
        return new Hello;
    }
};

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2 || std::string(argv[1]) == "--help") {
        std::cout << "usage: tosserp-bench-hello PORT\n"
                     "A trivial Poco HTTP server (same thread and keep-alive settings as tosserp-server),\n"
                     "the floor against which bench/run.sh compares single-product reads.\n";
        return argc == 2 ? 0 : 2;
    }
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Poco::Net::ServerSocket socket(static_cast<Poco::UInt16>(std::atoi(argv[1])));
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(128);
    params->setMaxQueued(512);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);
    Poco::ThreadPool pool(4, 132, 60);
    Poco::Net::HTTPServer server(new Factory, pool, socket, params);
    server.start();
    std::cout << "hello server listening on " << socket.address().port() << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    server.stopAll(false);
    return 0;
}
