#pragma once

#include <QTest>

namespace tosserp::test {

/// Runs the event loop until `done` holds or `ms` pass; returns whether it holds (models
/// read the replica on a reader thread and the server on the worker thread).
template <class Predicate> bool waitFor(Predicate done, int ms = 10000)
{
    for (int waited = 0; !done() && waited < ms; waited += 10) {
        QTest::qWait(10);
    }
    return done();
}

} // namespace tosserp::test
