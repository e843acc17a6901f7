#include "server/app/server_app.h"

int main(int argc, char** argv)
{
    tosserp::ServerApp app;
    return app.run(argc, argv);
}
