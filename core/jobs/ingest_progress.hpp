#pragma once
// What the studio shows of a running `liveml clip ingest` from its events
// (docs/job-protocol.md): the latest counters of its `stats` events and the newest objects it
// indexed, with their thumbnails, newest first. Qt-free so the rules are tested without a GUI.
#include "jobs/job_event.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

namespace liveml::jobs {

struct IngestCounters {
    std::uint64_t events = 0;
    std::uint64_t indexed = 0;
    std::uint64_t replaced = 0;
    std::uint64_t removed = 0;
    std::uint64_t skipped = 0;
    std::uint64_t failed = 0;
    std::uint64_t malformed = 0;
    std::uint64_t size = 0; // objects in the index
    double seconds = 0;     // since the job started ingesting
    double objects_per_s = 0;
};

struct IngestedObject {
    std::string bucket;
    std::string key;
    std::string thumbnail; // key in the output bucket or folder; "" when none was written
    std::int64_t index_id = -1;
};

class IngestProgress {
  public:
    explicit IngestProgress(std::size_t keep = 12) : keep_(keep) {}

    // True when the event changed what is shown: a `stats` event, or an `object` event that
    // indexed, replaced or removed something. Other events, and malformed ones, change nothing.
    bool push(const JobEvent& event);

    const std::optional<IngestCounters>& counters() const noexcept { return counters_; }
    // At most `keep` objects; an object indexed again moves to the front, a removed one leaves.
    const std::deque<IngestedObject>& newest() const noexcept { return newest_; }

  private:
    void forget(const std::string& bucket, const std::string& key);

    std::size_t keep_;
    std::optional<IngestCounters> counters_;
    std::deque<IngestedObject> newest_;
};

} // namespace liveml::jobs
