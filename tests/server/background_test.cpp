// The loops behind the event relay, the event consumers and the notification sender: more work
// runs at once, wake() ends an idle wait, a failing step waits a doubling pause, stop() ends
// every thread.
#include "server/core/background.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using tosserp::BackgroundLoops;

namespace {

/// Counts the steps and lets a test wait for a number of them.
class Counter {
public:
    void add()
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_count;
        }
        m_changed.notify_all();
    }
    /// Whether `count` steps were reached within `within`.
    bool reaches(int count, std::chrono::milliseconds within)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, within, [&] { return m_count >= count; });
    }
    int count()
    {
        std::lock_guard lock(m_mutex);
        return m_count;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_count = 0;
};

const auto ignoreFailure = [](const std::exception&, std::chrono::milliseconds) {};

/// A step that counts itself in `steps` and throws `error` while `failuresLeft` lasts.
BackgroundLoops::Step failing(Counter& steps, std::atomic<int>& failuresLeft, const char* error)
{
    return [&steps, &failuresLeft, error] {
        steps.add();
        if (failuresLeft-- > 0) {
            throw std::runtime_error(error);
        }
        return false;
    };
}

} // namespace

TEST(BackgroundLoops, AStepWithMoreWorkRunsAgainAtOnceThenWaitsForWork)
{
    Counter steps;
    std::atomic<int> waiting { 5 };
    // The idle wait is an hour: only "more" and wake() can run a step again within the test.
    // (Declared after what its steps use: a failed assertion ends its thread first.)
    BackgroundLoops loops({ 1h, 10ms, 10ms });
    loops.add(
        [&] {
            steps.add();
            return --waiting > 0;
        },
        ignoreFailure);
    loops.start();
    ASSERT_TRUE(steps.reaches(5, 10s));
    EXPECT_FALSE(steps.reaches(6, 200ms)) << "an idle loop ran without being woken";
    waiting = 2;
    loops.wake();
    ASSERT_TRUE(steps.reaches(7, 10s)) << "wake() did not end the idle wait";
    EXPECT_FALSE(steps.reaches(8, 200ms));
    loops.stop();
    EXPECT_EQ(steps.count(), 7);
}

TEST(BackgroundLoops, AFailingStepIsToldOfEachFailureWithADoublingPauseUntilItSucceeds)
{
    Counter steps;
    std::mutex mutex;
    std::vector<std::chrono::milliseconds> pauses;
    std::vector<std::string> errors;
    std::atomic<int> failuresLeft { 5 };
    BackgroundLoops loops({ 1h, 5ms, 20ms });
    loops.add(
        failing(steps, failuresLeft, "broker away"), [&](const std::exception& error, std::chrono::milliseconds pause) {
            std::lock_guard lock(mutex);
            pauses.push_back(pause);
            errors.emplace_back(error.what());
        });
    loops.start();
    ASSERT_TRUE(steps.reaches(6, 10s)) << "a failed step was not tried again";
    EXPECT_FALSE(steps.reaches(7, 200ms)) << "a step that succeeded did not wait for work";
    {
        std::lock_guard lock(mutex);
        EXPECT_EQ(pauses, (std::vector<std::chrono::milliseconds> { 5ms, 10ms, 20ms, 20ms, 20ms }));
        EXPECT_EQ(errors, std::vector<std::string>(5, "broker away"));
    }
    // After a success the pauses start again from the first.
    failuresLeft = 1;
    loops.wake();
    ASSERT_TRUE(steps.reaches(8, 10s));
    loops.stop();
    std::lock_guard lock(mutex);
    ASSERT_EQ(pauses.size(), 6u);
    EXPECT_EQ(pauses.back(), 5ms);
}

TEST(BackgroundLoops, AFailureReportThatThrowsDoesNotEndTheLoop)
{
    Counter steps;
    std::atomic<int> failuresLeft { 2 };
    BackgroundLoops loops({ 1h, 1ms, 1ms });
    loops.add(failing(steps, failuresLeft, "database away"),
        [](const std::exception&, std::chrono::milliseconds) { throw std::runtime_error("log full"); });
    loops.start();
    EXPECT_TRUE(steps.reaches(3, 10s));
    loops.stop();
}

TEST(BackgroundLoops, StopEndsEveryThreadAndIsFinal)
{
    Counter steps;
    BackgroundLoops loops({ 1h, 1h, 1h });
    for (int i = 0; i < 3; ++i) {
        loops.add(
            [&] {
                steps.add();
                return false;
            },
            ignoreFailure);
    }
    // A fourth waits out a pause of an hour after its failure; stop() ends that wait too.
    loops.add(
        [&]() -> bool {
            steps.add();
            throw std::runtime_error("refused");
        },
        ignoreFailure);
    loops.start();
    ASSERT_TRUE(steps.reaches(4, 10s));
    std::this_thread::sleep_for(100ms); // every loop in its wait
    EXPECT_FALSE(loops.stopping());
    loops.stop(); // returns only once every thread has ended: the test would hang otherwise
    EXPECT_TRUE(loops.stopping());
    loops.stop();
    loops.start();
    loops.wake();
    EXPECT_FALSE(steps.reaches(5, 200ms)) << "a loop ran after stop()";
}

TEST(BackgroundLoops, AWakeDuringAStepRunsTheStepAgainAfterIt)
{
    Counter steps;
    std::mutex mutex;
    std::condition_variable changed;
    bool inStep = false;
    bool release = false;
    BackgroundLoops loops({ 1h, 1h, 1h });
    loops.add(
        [&] {
            steps.add();
            std::unique_lock lock(mutex);
            if (!release) {
                inStep = true;
                changed.notify_all();
                changed.wait(lock, [&] { return release; });
            }
            return false;
        },
        ignoreFailure);
    loops.start();
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(changed.wait_for(lock, 10s, [&] { return inStep; }));
    }
    // Work comes in while the step runs (after it looked for work): the loop must not sleep.
    loops.wake();
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    changed.notify_all();
    EXPECT_TRUE(steps.reaches(2, 10s)) << "a wake() during the step was lost";
    loops.stop();
}

TEST(BackgroundLoops, AWakeDoesNotCutAPauseAfterAFailureShort)
{
    Counter steps;
    std::atomic<int> failuresLeft { 1 };
    BackgroundLoops loops({ 1h, 1h, 1h });
    loops.add(failing(steps, failuresLeft, "refused"), ignoreFailure);
    loops.start();
    ASSERT_TRUE(steps.reaches(1, 10s));
    std::this_thread::sleep_for(50ms);
    loops.wake();
    EXPECT_FALSE(steps.reaches(2, 300ms)) << "wake() ended the pause after a failure";
    loops.stop();
}
