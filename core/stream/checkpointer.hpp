#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stream/offset_book.hpp"
#include "stream/source_consumer.hpp"

namespace liveml::stream {

using StopFlag = std::function<bool()>;
using LogLine = std::function<void(const std::string&)>;

// A stored model with the positions it has learned up to.
struct ResumePoint {
    std::string model_bytes; // core/online model format
    OffsetBook book;
    std::int64_t version = 0;
    std::string origin; // where it came from, for the log
};

// One learner's model at a commit, under its own model key.
struct ModelSnapshot {
    std::string key;
    std::string model_bytes;
    std::uint64_t samples_seen = 0;
};

enum class CommitResult {
    kCommitted,  // model, positions and every record sent since the last commit are durable
    kPostponed,  // nothing lost; try again later (an outage)
    kRolledBack, // the records sent since the last commit are void: resume from the last commit
};

// How the trainer makes what it learned durable together with what it wrote. Two designs:
// RedisCheckpointer (at-least-once sink: any Kafka-protocol broker, the mock included) and
// TransactionalCheckpointer (exactly-once: one Kafka transaction per checkpoint).
class Checkpointer {
  public:
    virtual ~Checkpointer() = default;

    // The state to resume from for each model key the checkpointer was made for (a key
    // missing from `found`: start that model anew). Waits out outages; false when stop()
    // turned true first.
    virtual bool load(const StopFlag& stop, std::map<std::string, ResumePoint>& found) = 0;
    // Queues a sink or dead-letter record covered by the next commit; false when stop() gave
    // up while the queue was full.
    virtual bool send(std::string_view topic, std::string_view key, std::string_view value,
                      const StopFlag& stop) = 0;
    // Serves delivery reports; call regularly.
    virtual void poll() = 0;
    // Commits every model (all learned up to `book`) and every record sent since the last
    // commit. `version` is the current version on entry, the new one after kCommitted (the
    // first model's, the trainer's primary).
    virtual CommitResult commit(const std::vector<ModelSnapshot>& models, const OffsetBook& book,
                                SourceConsumer& consumer, std::int64_t& version,
                                const StopFlag& stop) = 0;
    // Sink records whose delivery failed (counted, never thrown).
    virtual std::uint64_t failed_deliveries() const = 0;
    // "exactly-once" or "at-least-once", for the log and docs.
    virtual const char* guarantee() const = 0;
};

} // namespace liveml::stream
