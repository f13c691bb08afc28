#pragma once
// What ingest has done per object ("bucket/key"): the eTag and sequencer it indexed under
// which index id, or that it removed the object. It makes replayed and reordered bucket
// events harmless: an event already applied, or older than what was applied, is skipped, so
// at-least-once delivery indexes each object version once.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "objectstore/bucket_event.hpp"

namespace liveml::ingest {

struct LedgerEntry {
    std::string etag;      // empty once removed
    std::string sequencer; // of the event applied last
    std::int64_t id = -1;  // index id; -1 once removed

    bool operator==(const LedgerEntry&) const = default;
};

enum class IngestAction { Index, Remove, Skip };

struct IngestDecision {
    IngestAction action = IngestAction::Skip;
    std::string why; // for Skip: "already indexed", "older than the indexed version", …
    std::int64_t replaces_id = -1; // for Index and Remove: the id now in the index, or -1
};

class IngestLedger {
  public:
    static std::string object_key(const objectstore::BucketEvent& event) {
        return event.bucket + "/" + event.key;
    }

    IngestDecision decide(const objectstore::BucketEvent& event) const;
    void record_indexed(const objectstore::BucketEvent& event, std::int64_t id);
    void record_removed(const objectstore::BucketEvent& event);

    const LedgerEntry* find(std::string_view object_key) const;
    std::size_t live() const; // objects now in the index
    const std::map<std::string, LedgerEntry, std::less<>>& entries() const noexcept {
        return entries_;
    }

    // {"format_version":1,"objects":{"bucket/key":{"etag","sequencer","id"}}}
    std::string write() const;
    // Throws std::runtime_error for anything not written by write().
    static IngestLedger read(std::string_view json);

    bool operator==(const IngestLedger&) const = default;

  private:
    std::map<std::string, LedgerEntry, std::less<>> entries_;
};

} // namespace liveml::ingest
