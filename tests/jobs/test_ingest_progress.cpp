#include "jobs/ingest_progress.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace liveml::jobs;

namespace {

JobEvent line(const std::string& text) {
    return *parse_job_line(text).event;
}

JobEvent object(const std::string& status, const std::string& key, int id = 1) {
    return line(R"({"event":"object","status":")" + status + R"(","bucket":"photos","key":")" +
                key + R"(","etag":"e","sequencer":"1","index_id":)" + std::to_string(id) +
                (status == "indexed" || status == "replaced"
                     ? R"(,"thumbnail":"photos/)" + key + R"(.thumb.jpg"})"
                     : std::string("}")));
}

} // namespace

TEST(IngestProgress, StatsEventsSetTheCounters) {
    IngestProgress progress;
    EXPECT_FALSE(progress.counters());
    EXPECT_TRUE(progress.push(
        line(R"({"event":"stats","events":12,"indexed":9,"replaced":1,"removed":2,"skipped":0,)"
             R"("failed":1,"malformed":3,"size":7,"seconds":2.5,"objects_per_s":4.0,)"
             R"("stage_seconds":{"fetch":0.1}})")));
    ASSERT_TRUE(progress.counters());
    EXPECT_EQ(progress.counters()->indexed, 9u);
    EXPECT_EQ(progress.counters()->malformed, 3u);
    EXPECT_EQ(progress.counters()->size, 7u);
    EXPECT_DOUBLE_EQ(progress.counters()->objects_per_s, 4.0);
}

TEST(IngestProgress, MalformedOrForeignEventsChangeNothing) {
    IngestProgress progress;
    EXPECT_FALSE(progress.push(line(R"({"event":"stats","events":"many"})")));
    EXPECT_FALSE(
        progress.push(line(R"({"event":"stats","events":-1,"indexed":0,"replaced":0,)"
                           R"("removed":0,"skipped":0,"failed":0,"malformed":0,"size":0})")));
    EXPECT_FALSE(progress.push(line(R"({"event":"object","status":"eaten","bucket":"b",)"
                                    R"("key":"k","etag":"e","sequencer":"1","index_id":1})")));
    EXPECT_FALSE(progress.push(line(R"({"event":"object","status":"indexed"})")));
    EXPECT_FALSE(
        progress.push(line(R"({"event":"progress","phase":"ingest","step":0,"total":0})")));
    EXPECT_FALSE(progress.push(object("skipped", "a.jpg")));
    EXPECT_FALSE(progress.push(object("failed", "broken.png")));
    EXPECT_FALSE(progress.counters());
    EXPECT_TRUE(progress.newest().empty());
}

TEST(IngestProgress, NewestFirstBoundedReindexMovesToFrontRemovalLeaves) {
    IngestProgress progress(3);
    for (const char* key : {"a.jpg", "b.jpg", "c.jpg", "d.jpg"})
        EXPECT_TRUE(progress.push(object("indexed", key)));
    ASSERT_EQ(progress.newest().size(), 3u);
    EXPECT_EQ(progress.newest().front().key, "d.jpg");
    EXPECT_EQ(progress.newest().back().key, "b.jpg");
    EXPECT_EQ(progress.newest().front().thumbnail, "photos/d.jpg.thumb.jpg");

    EXPECT_TRUE(progress.push(object("replaced", "b.jpg", 9)));
    EXPECT_EQ(progress.newest().front().key, "b.jpg");
    EXPECT_EQ(progress.newest().front().index_id, 9);
    EXPECT_EQ(progress.newest().size(), 3u);

    EXPECT_TRUE(progress.push(object("removed", "d.jpg")));
    ASSERT_EQ(progress.newest().size(), 2u);
    EXPECT_EQ(progress.newest()[0].key, "b.jpg");
    EXPECT_EQ(progress.newest()[1].key, "c.jpg");
}
