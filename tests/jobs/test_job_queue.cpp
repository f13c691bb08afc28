#include "jobs/job_queue.hpp"

#include <gtest/gtest.h>

using namespace liveml::jobs;
using Ids = std::vector<std::string>;

TEST(JobQueue, OneJobPerDeviceInArrivalOrder) {
    JobQueue queue;
    queue.enqueue("a", "cpu");
    queue.enqueue("b", "cpu");
    queue.enqueue("c", "cuda:0");
    queue.enqueue("d", "cuda:0");
    EXPECT_EQ(queue.take_ready(), (Ids{"a", "c"}));
    EXPECT_EQ(queue.take_ready(), Ids{});
    EXPECT_TRUE(queue.is_running("a"));
    EXPECT_TRUE(queue.is_queued("b"));
    queue.finished("c");
    EXPECT_EQ(queue.take_ready(), Ids{"d"});
    queue.finished("a");
    EXPECT_EQ(queue.take_ready(), Ids{"b"});
    EXPECT_EQ(queue.queued(), 0u);
}

TEST(JobQueue, ALaterRunOnAFreeDeviceDoesNotWaitBehindABusyOne) {
    JobQueue queue;
    queue.enqueue("a", "cpu");
    EXPECT_EQ(queue.take_ready(), Ids{"a"});
    queue.enqueue("b", "cpu");
    queue.enqueue("c", "cuda:1");
    EXPECT_EQ(queue.take_ready(), Ids{"c"});
}

TEST(JobQueue, CancelDropsOnlyQueuedRunsAndDuplicatesAreIgnored) {
    JobQueue queue;
    queue.enqueue("a", "cpu");
    queue.enqueue("a", "cpu");
    queue.enqueue("b", "cpu");
    EXPECT_EQ(queue.take_ready(), Ids{"a"});
    EXPECT_FALSE(queue.cancel_queued("a"));
    EXPECT_TRUE(queue.cancel_queued("b"));
    queue.finished("a");
    EXPECT_EQ(queue.take_ready(), Ids{});
}
