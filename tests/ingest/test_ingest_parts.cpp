// The pieces of `clip ingest` without Kafka, S3 or a model: what the ledger decides for
// replayed, reordered and repeated events, the formats round-trip, the state is swapped in
// whole, the processor indexes, replaces, removes and refuses, and the folder watcher reports
// writes and deletions.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "bounded_wait.hpp"
#include "common/file_bytes.hpp"
#include "imaging/image_encode.hpp"
#include "imaging/resize.hpp"
#include "ingest/folder_watcher.hpp"
#include "ingest/ingest_processor.hpp"
#include "temp_dir.hpp"

namespace liveml::ingest {
namespace {

namespace fs = std::filesystem;
using objectstore::BucketEvent;
using objectstore::BucketEventKind;

BucketEvent created(std::string key, std::string etag, std::string sequencer) {
    return {BucketEventKind::Created, "s3:ObjectCreated:Put", "photos", std::move(key), 10,
            std::move(etag),          std::move(sequencer),   ""};
}

BucketEvent removed(std::string key, std::string sequencer) {
    return {BucketEventKind::Removed,
            "s3:ObjectRemoved:Delete",
            "photos",
            std::move(key),
            0,
            "",
            std::move(sequencer),
            ""};
}

TEST(IngestLedger, DecidesWhatAnEventStillHasToDo) {
    IngestLedger ledger;
    EXPECT_EQ(ledger.decide(created("a", "e1", "10")).action, IngestAction::Index);
    ledger.record_indexed(created("a", "e1", "10"), 7);
    // Replay: same eTag.
    EXPECT_EQ(ledger.decide(created("a", "e1", "10")).action, IngestAction::Skip);
    // A new version replaces id 7.
    const auto newer = ledger.decide(created("a", "e2", "11"));
    EXPECT_EQ(newer.action, IngestAction::Index);
    EXPECT_EQ(newer.replaces_id, 7);
    // An older sequencer never overwrites a newer one.
    ledger.record_indexed(created("a", "e2", "11"), 8);
    const auto older = ledger.decide(created("a", "e0", "0F"));
    EXPECT_EQ(older.action, IngestAction::Skip);
    EXPECT_EQ(older.why, "older than the version already applied");
    EXPECT_EQ(ledger.decide(removed("a", "0F")).action, IngestAction::Skip);
    // A delete removes id 8; its replay and a late older create change nothing.
    const auto remove = ledger.decide(removed("a", "12"));
    EXPECT_EQ(remove.action, IngestAction::Remove);
    EXPECT_EQ(remove.replaces_id, 8);
    ledger.record_removed(removed("a", "12"));
    EXPECT_EQ(ledger.decide(removed("a", "12")).action, IngestAction::Skip);
    EXPECT_EQ(ledger.decide(created("a", "e2", "11")).action, IngestAction::Skip);
    // Put back after the delete (same content, newer sequencer): indexed again.
    EXPECT_EQ(ledger.decide(created("a", "e2", "13")).action, IngestAction::Index);
    EXPECT_EQ(ledger.live(), 0u);
}

TEST(IngestLedger, RoundTripsAndRefusesOtherJson) {
    IngestLedger ledger;
    ledger.record_indexed(created("dir/a b.png", "e1", "0A"), 3);
    ledger.record_indexed(created("é.jpg", "e2", "0B"), 4);
    ledger.record_removed(removed("gone.png", "0C"));
    EXPECT_EQ(IngestLedger::read(ledger.write()), ledger);
    EXPECT_EQ(ledger.live(), 2u);
    EXPECT_THROW(IngestLedger::read("{}"), std::runtime_error);
    EXPECT_THROW(IngestLedger::read(R"({"format_version":2,"objects":{}})"), std::runtime_error);
    EXPECT_THROW(IngestLedger::read(R"({"format_version":1,"objects":{"k":{"etag":1}}})"),
                 std::runtime_error);
}

TEST(IngestRecords, SidecarsAndResultEventsRoundTrip) {
    const Sidecar sidecar{"photos", "a b/c.png", "e1",      "0A",
                          12,       640,         480,       "photos/a b/c.png.thumb.jpg",
                          256,      192,         "model-fp"};
    EXPECT_EQ(read_sidecar(write_sidecar(sidecar)), sidecar);
    EXPECT_FALSE(read_sidecar("{not json").has_value());
    EXPECT_FALSE(read_sidecar(R"({"bucket":"b"})").has_value());
    const ProcessedEvent indexed{
        "indexed",           "photos", "k.png", "e1", "0A", 3, "photos/k.png.thumb.jpg",
        "photos/k.png.json", ""};
    EXPECT_EQ(read_processed_event(write_processed_event(indexed)), indexed);
    const ProcessedEvent failed{
        "failed", "photos", "k.txt", "e", "0B", -1, "", "", "not an image: k.txt"};
    EXPECT_EQ(read_processed_event(write_processed_event(failed)), failed);
    EXPECT_FALSE(read_processed_event(R"({"status":"weird","bucket":"b","key":"k","etag":"",)"
                                      R"("sequencer":"","index_id":1})")
                     .has_value());
}

imaging::RgbImage image(int width, int height, std::uint8_t shade) {
    return {width, height,
            std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 3, shade)};
}

TEST(Thumbnails, KeepTheAspectRatioAndNeverEnlarge) {
    const auto wide = imaging::fit_within(image(640, 480, 90), 256);
    EXPECT_EQ(wide.width, 256);
    EXPECT_EQ(wide.height, 192);
    const auto tall = imaging::fit_within(image(100, 1000, 90), 50);
    EXPECT_EQ(tall.width, 5);
    EXPECT_EQ(tall.height, 50);
    EXPECT_EQ(imaging::fit_within(image(30, 20, 90), 256).width, 30);
}

// An embedder that is a real function of the pixels: the mean shade, in two dimensions.
retrieval::Matrix shade_embedding(const std::vector<imaging::RgbImage>& images) {
    retrieval::Matrix m{images.size(), 2, {}};
    for (const auto& img : images) {
        double sum = 0;
        for (const auto p : img.pixels)
            sum += p;
        const auto mean = static_cast<float>(sum / img.pixels.size() / 255.0);
        m.data.push_back(mean);
        m.data.push_back(1.0f - mean);
    }
    return m;
}

TEST(IngestProcessor, IndexesReplacesRemovesAndRefuses) {
    liveml::testing::TempDir dir("ingest-processor");
    fs::create_directories(dir / "in");
    FolderObjectStore source(dir / "in"), outputs(dir / "out");
    const auto put = [&](const std::string& key, const std::string& bytes) {
        std::ofstream(dir / "in" / key, std::ios::binary) << bytes;
    };
    put("red.png", imaging::encode_png(image(64, 32, 200)));
    put("dark.jpg", imaging::encode_jpeg(image(40, 80, 20)));
    put("notes.txt", "not an image at all");
    put("huge.png", std::string(5000, 'x')); // refused on its size, before any decoding
    IngestState state{retrieval::VectorIndex(2), {}};
    IngestOptions options;
    options.out_bucket = "processed";
    options.thumb_size = 16;
    options.max_object_bytes = 2000;
    options.model = "fp";
    IngestProcessor processor(source, &outputs, state, options, shade_embedding);

    auto results =
        processor.process({created("red.png", "r1", "01"), created("dark.jpg", "d1", "02"),
                           created("notes.txt", "n1", "03"), created("missing.png", "m", "04"),
                           created("huge.png", "h", "05"), created("red.png", "r1", "01")});
    ASSERT_EQ(results.size(), 6u);
    EXPECT_EQ(results[0].status, "indexed");
    EXPECT_EQ(results[1].status, "indexed");
    EXPECT_EQ(results[2].status, "failed");
    EXPECT_TRUE(results[2].reason.starts_with("not an image")) << results[2].reason;
    EXPECT_TRUE(results[3].reason.starts_with("missing object")) << results[3].reason;
    EXPECT_TRUE(results[4].reason.starts_with("object too large")) << results[4].reason;
    EXPECT_EQ(results[5].status, "skipped"); // the same event twice in one batch
    EXPECT_EQ(state.index.size(), 2u);
    const auto sidecar =
        read_sidecar(read_file_bytes(dir / "out" / sidecar_key("photos", "red.png"), 1 << 20));
    ASSERT_TRUE(sidecar.has_value());
    EXPECT_EQ(sidecar->index_id, results[0].index_id);
    EXPECT_EQ(sidecar->thumbnail_width, 16);
    EXPECT_EQ(sidecar->thumbnail_height, 8);
    EXPECT_EQ(imaging::decode_image_file(dir / "out" / thumbnail_key("photos", "red.png")).width,
              16);

    // A new version of red.png replaces its embedding; removing dark.jpg clears its outputs.
    put("red.png", imaging::encode_png(image(64, 32, 10)));
    results = processor.process({created("red.png", "r2", "06"), removed("dark.jpg", "07")});
    EXPECT_EQ(results[0].status, "replaced");
    EXPECT_EQ(results[1].status, "removed");
    EXPECT_EQ(state.index.size(), 1u);
    EXPECT_FALSE(fs::exists(dir / "out" / thumbnail_key("photos", "dark.jpg")));
    EXPECT_FALSE(fs::exists(dir / "out" / sidecar_key("photos", "dark.jpg")));
    const auto counts = processor.counts();
    EXPECT_EQ(counts.indexed, 2u);
    EXPECT_EQ(counts.replaced, 1u);
    EXPECT_EQ(counts.removed, 1u);
    EXPECT_EQ(counts.failed, 3u);
    EXPECT_EQ(counts.skipped, 1u);
    // Keys that leave the folder are refused, not read.
    results = processor.process({created("../escape.png", "x", "08")});
    EXPECT_EQ(results[0].status, "failed");
}

TEST(IngestState, IsSwappedInWholeAndReopened) {
    liveml::testing::TempDir dir("ingest-state");
    const auto index_dir = dir / "index";
    auto state = open_ingest_state(index_dir, 2, "fp");
    state.index.add({1, 2, {1.0f, 0.0f}}, {{"photos/a.png", 1, 0, "", -1}});
    state.ledger.record_indexed(created("a.png", "e", "01"), 0);
    save_ingest_state(state, index_dir);
    state.index.add({1, 2, {0.0f, 1.0f}}, {{"photos/b.png", 1, 0, "", -1}});
    state.ledger.record_indexed(created("b.png", "e", "02"), 1);
    save_ingest_state(state, index_dir);
    EXPECT_FALSE(fs::exists(dir / "index.next"));
    // A save interrupted before its swap leaves a half-written sibling: ignored and removed.
    fs::create_directories(dir / "index.next");
    std::ofstream(dir / "index.next" / "index.json") << "{half";
    const auto reopened = open_ingest_state(index_dir, 2, "fp");
    EXPECT_EQ(reopened.index.size(), 2u);
    EXPECT_EQ(reopened.ledger, state.ledger);
    EXPECT_FALSE(fs::exists(dir / "index.next"));
    EXPECT_THROW(open_ingest_state(index_dir, 2, "another model"), std::runtime_error);
    EXPECT_THROW(open_ingest_state(index_dir, 3, "fp"), std::runtime_error);
}

TEST(FolderWatcher, ReportsFilesThereAndWrittenAndDeleted) {
    liveml::testing::TempDir dir("folder-watch");
    std::ofstream(dir / "before.png") << "x";
    FolderWatcher watcher(dir.path(), "local");
    auto events = watcher.next(std::chrono::milliseconds(0));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].key, "before.png");
    EXPECT_EQ(events[0].kind, BucketEventKind::Created);
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "sub" / "new.png") << "yy";
    std::ofstream(dir / ".hidden.tmp") << "z";
    fs::remove(dir / "before.png");
    std::vector<BucketEvent> seen;
    EXPECT_TRUE(liveml::testing::wait_until(
        [&] {
            for (auto& e : watcher.next(std::chrono::milliseconds(50)))
                seen.push_back(std::move(e));
            return std::ranges::count_if(seen, [](const BucketEvent& e) {
                       return e.key == "sub/new.png" || e.key == "before.png";
                   }) >= 2;
        },
        std::chrono::seconds(5)));
    // A file written while its new folder's watch was being set up may be reported twice
    // (scan and inotify): harmless, the ledger skips the second.
    const auto find = [&](const std::string& key) {
        return std::ranges::find_if(seen, [&](const BucketEvent& e) { return e.key == key; });
    };
    EXPECT_TRUE(
        std::ranges::none_of(seen, [](const BucketEvent& e) { return e.key.starts_with("."); }));
    ASSERT_NE(find("sub/new.png"), seen.end());
    EXPECT_EQ(find("sub/new.png")->kind, BucketEventKind::Created);
    EXPECT_EQ(find("sub/new.png")->size, 2u);
    ASSERT_NE(find("before.png"), seen.end());
    EXPECT_EQ(find("before.png")->kind, BucketEventKind::Removed);
    // The removal is newer than the write it undoes (one clock for both).
    EXPECT_TRUE(objectstore::sequencer_newer(find("before.png")->sequencer, events[0].sequencer));
}

} // namespace
} // namespace liveml::ingest
