#include "ingest/ingest_processor.hpp"

#include <algorithm>
#include <chrono>
#include <span>
#include <stdexcept>

#include "imaging/image_encode.hpp"
#include "imaging/resize.hpp"

namespace liveml::ingest {

using objectstore::BucketEvent;

namespace {

using Clock = std::chrono::steady_clock;

// Adds the seconds since `from` to `into` and returns now (the start of the next stage).
Clock::time_point lap(Clock::time_point from, double& into) {
    const auto now = Clock::now();
    into += std::chrono::duration<double>(now - from).count();
    return now;
}

} // namespace

IngestProcessor::IngestProcessor(ObjectStore& source, ObjectStore* outputs, IngestState& state,
                                 IngestOptions options, EmbedImages embed)
    : source_(source), outputs_(outputs), state_(state), options_(std::move(options)),
      embed_(std::move(embed)) {}

std::vector<ProcessedEvent> IngestProcessor::process(const std::vector<BucketEvent>& events) {
    std::vector<ProcessedEvent> results(events.size());
    pending_.clear();
    for (std::size_t slot = 0; slot < events.size(); ++slot) {
        const auto& event = events[slot];
        auto& result = results[slot];
        result = {"", event.bucket, event.key, event.etag, event.sequencer, -1, "", "", ""};
        // A second event of an object waiting to be embedded sees the ledger after the first.
        const auto key = IngestLedger::object_key(event);
        if (std::ranges::any_of(pending_, [&](const Pending& p) {
                return IngestLedger::object_key(events[p.slot]) == key;
            }))
            flush(events, results);
        const auto decision = state_.ledger.decide(event);
        switch (decision.action) {
        case IngestAction::Skip:
            result.status = "skipped";
            result.reason = decision.why;
            if (const auto* entry = state_.ledger.find(key)) result.index_id = entry->id;
            ++counts_.skipped;
            break;
        case IngestAction::Remove:
            remove(event, decision.replaces_id, result);
            break;
        case IngestAction::Index:
            fetch(slot, event, decision.replaces_id, results);
            break;
        }
    }
    flush(events, results);
    return results;
}

void IngestProcessor::fetch(std::size_t slot, const BucketEvent& event, std::int64_t replaces_id,
                            std::vector<ProcessedEvent>& results) {
    auto start = Clock::now();
    try {
        const auto bytes = source_.get(event.bucket, event.key, options_.max_object_bytes);
        start = lap(start, timings_.fetch_s);
        const auto name = event.bucket + "/" + event.key;
        try {
            pending_.push_back({slot,
                                imaging::decode_image_bytes(std::as_bytes(std::span(bytes)),
                                                            options_.decode_limits, name.c_str()),
                                replaces_id});
            lap(start, timings_.decode_s);
        } catch (const std::runtime_error& e) {
            throw ObjectRefused(std::string("not an image: ") + e.what());
        }
    } catch (const ObjectRefused& e) {
        results[slot].status = "failed";
        results[slot].reason = e.what();
        ++counts_.failed;
    }
}

void IngestProcessor::flush(const std::vector<BucketEvent>& events,
                            std::vector<ProcessedEvent>& results) {
    if (pending_.empty()) return;
    std::vector<imaging::RgbImage> images;
    std::vector<retrieval::ItemMeta> items;
    std::vector<std::int64_t> superseded;
    for (auto& p : pending_) {
        const auto& event = events[p.slot];
        images.push_back(p.image);
        items.push_back({event.bucket + "/" + event.key, event.size, 0, "", -1});
        if (p.replaces_id >= 0) superseded.push_back(p.replaces_id);
    }
    auto start = Clock::now();
    auto embeddings = embed_(images);
    start = lap(start, timings_.embed_s);
    if (embeddings.rows != images.size())
        throw std::logic_error("the embedder returned " + std::to_string(embeddings.rows) +
                               " rows for " + std::to_string(images.size()) + " images");
    const auto ids = state_.index.add(std::move(embeddings), std::move(items));
    start = lap(start, timings_.index_s);
    // Outputs first; if one cannot be written (server down), the new embeddings leave again
    // and nothing is recorded, so the retry of these events adds each once.
    if (outputs_) {
        try {
            for (std::size_t i = 0; i < pending_.size(); ++i)
                write_outputs(events[pending_[i].slot], pending_[i].image, ids[i],
                              results[pending_[i].slot]);
        } catch (...) {
            state_.index.remove(ids);
            throw;
        }
    }
    start = lap(start, timings_.write_s);
    state_.index.remove(superseded);
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        const auto& p = pending_[i];
        auto& result = results[p.slot];
        result.index_id = ids[i];
        state_.ledger.record_indexed(events[p.slot], ids[i]);
        const bool replaced = p.replaces_id >= 0;
        result.status = replaced ? "replaced" : "indexed";
        ++(replaced ? counts_.replaced : counts_.indexed);
    }
    lap(start, timings_.index_s);
    pending_.clear();
}

void IngestProcessor::write_outputs(const BucketEvent& event, const imaging::RgbImage& image,
                                    std::int64_t id, ProcessedEvent& result) {
    const auto thumb = imaging::fit_within(image, options_.thumb_size);
    result.thumbnail_key = thumbnail_key(event.bucket, event.key);
    result.sidecar_key = sidecar_key(event.bucket, event.key);
    outputs_->put(options_.out_bucket, result.thumbnail_key, imaging::encode_jpeg(thumb),
                  "image/jpeg");
    outputs_->put(options_.out_bucket, result.sidecar_key,
                  write_sidecar({event.bucket, event.key, event.etag, event.sequencer, id,
                                 image.width, image.height, result.thumbnail_key, thumb.width,
                                 thumb.height, options_.model}),
                  "application/json");
}

void IngestProcessor::remove(const BucketEvent& event, std::int64_t id, ProcessedEvent& result) {
    auto start = Clock::now();
    if (id >= 0) state_.index.remove({id});
    start = lap(start, timings_.index_s);
    if (outputs_) {
        outputs_->remove(options_.out_bucket, thumbnail_key(event.bucket, event.key));
        outputs_->remove(options_.out_bucket, sidecar_key(event.bucket, event.key));
    }
    lap(start, timings_.write_s);
    state_.ledger.record_removed(event);
    result.status = "removed";
    result.index_id = id;
    ++counts_.removed;
}

} // namespace liveml::ingest
