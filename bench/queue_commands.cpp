// tosserp-bench-queue: puts N receipt commands into a replica's outbox, as N offline scans
// would. Usage: tosserp-bench-queue REPLICA N PRODUCT_ID LOCATION_ID
#include "client/src/replica.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::cout << "usage: tosserp-bench-queue REPLICA COMMANDS PRODUCT_ID LOCATION_ID\n";
        return 2;
    }
    tosserp::client::Replica replica(QString::fromLocal8Bit(argv[1]));
    const long count = std::atol(argv[2]);
    for (long i = 0; i < count; ++i) {
        replica.enqueue(tosserp::sync::CommandType::ReceiveStock,
            { { "product_id", std::atol(argv[3]) }, { "quantity", "1" }, { "location_id", std::atol(argv[4]) },
                { "reference", "bench-" + std::to_string(i) } });
    }
    std::cout << "queued " << count << " commands\n";
    return 0;
}
