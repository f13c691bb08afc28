#pragma once
// Applies bucket events to the retrieval index: a created object is fetched, decoded, embedded
// (in batches), added or replaced in the index, and its thumbnail and sidecar written to the
// output store; a removed object leaves the index and the output store. The ledger decides
// what an event still has to do, so replays change nothing. No Kafka and no LibTorch here:
// the caller brings the events and the embedding function.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "imaging/image_decode.hpp"
#include "imaging/rgb_image.hpp"
#include "ingest/ingest_records.hpp"
#include "ingest/ingest_state.hpp"
#include "ingest/object_store.hpp"
#include "objectstore/bucket_event.hpp"
#include "retrieval/matrix.hpp"

namespace liveml::ingest {

struct IngestOptions {
    std::string out_bucket; // where thumbnails and sidecars go; "" with no output store
    int thumb_size = 256;   // longer side of a thumbnail, aspect kept
    std::uint64_t max_object_bytes = 64ull << 20;
    imaging::DecodeLimits decode_limits;
    std::string model; // the model's fingerprint, named in sidecars
};

// One embedding row per image, in order.
using EmbedImages = std::function<retrieval::Matrix(const std::vector<imaging::RgbImage>&)>;

struct IngestCounts {
    std::uint64_t indexed = 0, replaced = 0, removed = 0, skipped = 0, failed = 0;
};

// Where the time goes (seconds, summed over every event): reading objects, decoding them,
// the embedding passes, index updates, writing thumbnails and sidecars (resize, JPEG, PUT) or
// deleting them.
struct IngestTimings {
    double fetch_s = 0, decode_s = 0, embed_s = 0, index_s = 0, write_s = 0;
};

class IngestProcessor {
  public:
    // outputs may be null (no write-back).
    IngestProcessor(ObjectStore& source, ObjectStore* outputs, IngestState& state,
                    IngestOptions options, EmbedImages embed);

    // One result per event, in order. An event that can never succeed (missing object, not an
    // image, too large) is "failed" with the reason: the caller dead-letters it. Throws when a
    // store fails otherwise (server down); what was applied before stays applied and recorded,
    // so processing the same events again finishes the rest.
    std::vector<ProcessedEvent> process(const std::vector<objectstore::BucketEvent>& events);

    const IngestCounts& counts() const noexcept { return counts_; }
    const IngestTimings& timings() const noexcept { return timings_; }

  private:
    struct Pending {
        std::size_t slot;
        imaging::RgbImage image;
        std::int64_t replaces_id;
    };
    void fetch(std::size_t slot, const objectstore::BucketEvent& event, std::int64_t replaces_id,
               std::vector<ProcessedEvent>& results);
    void flush(const std::vector<objectstore::BucketEvent>& events,
               std::vector<ProcessedEvent>& results);
    void write_outputs(const objectstore::BucketEvent& event, const imaging::RgbImage& image,
                       std::int64_t id, ProcessedEvent& result);
    void remove(const objectstore::BucketEvent& event, std::int64_t id, ProcessedEvent& result);

    ObjectStore& source_;
    ObjectStore* outputs_;
    IngestState& state_;
    IngestOptions options_;
    EmbedImages embed_;
    std::vector<Pending> pending_;
    IngestCounts counts_;
    IngestTimings timings_;
};

} // namespace liveml::ingest
