#pragma once
// S3 bucket notifications as they arrive on Kafka: MinIO's (docs: "Publish Events to Kafka"),
// AWS's (event message structure, eventName without the "s3:" prefix) and Ceph RGW's (size may
// be a string). Object keys in them are URL-encoded form style (space as '+'). The writer emits
// MinIO's shape (bucket-watch, the tests); the reader takes all three.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace liveml::objectstore {

enum class BucketEventKind { Created, Removed };

struct BucketEvent {
    BucketEventKind kind = BucketEventKind::Created;
    std::string event_name; // as received, e.g. "s3:ObjectCreated:Put", "ObjectRemoved:Delete"
    std::string bucket;
    std::string key; // decoded
    std::uint64_t size = 0;
    std::string etag;      // empty on removals
    std::string sequencer; // hex; orders events of one key (longer or greater = newer)
    std::string event_time;

    bool operator==(const BucketEvent&) const = default;
};

// A Kafka message: MinIO keys it "bucket/key" (decoded), so one object's events stay in order.
struct BucketEventMessage {
    std::string key;
    std::string value;
};

// MinIO's notification for one event: {"EventName", "Key", "Records":[{… "s3":{…}}]}.
BucketEventMessage write_minio_event(const BucketEvent& event);

// The events of one notification, or the reason it is refused (a sentence for the dead
// letter): not JSON, no Records, an unknown event name, a missing bucket or key, a bad size, a
// key that does not URL-decode. Events other than ObjectCreated/ObjectRemoved are refused too.
std::variant<std::vector<BucketEvent>, std::string> read_bucket_events(std::string_view value);

// URL form encoding as Go's url.QueryEscape (MinIO) writes it, and its inverse; the decoder
// returns false on a truncated or non-hex %XX.
std::string url_form_encode(std::string_view raw);
bool url_form_decode(std::string_view encoded, std::string& out);

// True when sequencer a is newer than b (AWS: compare as hex numbers after left-padding the
// shorter with zeros). An empty sequencer is older than any other.
bool sequencer_newer(std::string_view a, std::string_view b);

} // namespace liveml::objectstore
