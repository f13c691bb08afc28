#include "objectstore/bucket_poller.hpp"

#include <algorithm>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace liveml::objectstore {
namespace {

std::string iso_time_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::ostringstream out;
    out << std::put_time(&utc, "%Y-%m-%dT%H:%M:%S") << '.' << std::setw(3) << std::setfill('0')
        << ms << 'Z';
    return out.str();
}

} // namespace

BucketPoller::BucketPoller(S3Client& client, std::string bucket, std::string prefix)
    : client_(client), bucket_(std::move(bucket)), prefix_(std::move(prefix)) {}

// Nanoseconds since the epoch as 16 hex digits, strictly increasing: later polls' events are
// newer (sequencer_newer) than earlier ones', as S3's sequencers are for one key.
std::string BucketPoller::next_sequencer() {
    const auto now =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    last_sequencer_ = std::max(now, last_sequencer_ + 1);
    std::ostringstream out;
    out << std::uppercase << std::hex << std::setw(16) << std::setfill('0') << last_sequencer_;
    return out.str();
}

std::vector<BucketEvent> BucketPoller::poll() {
    std::map<std::string, Known> listed;
    std::string token;
    do {
        auto page = client_.list_objects_v2(bucket_, prefix_, token);
        for (auto& entry : page.objects)
            // "folder/" keys are folder markers (consoles create them; S3Proxy's filesystem
            // backend lists its directories so), not objects.
            if (!entry.key.ends_with('/')) listed[entry.key] = {std::move(entry.etag), entry.size};
        token = page.truncated ? page.next_continuation_token : "";
    } while (!token.empty());

    std::vector<BucketEvent> events;
    const auto time = iso_time_now();
    for (const auto& [key, now] : listed) {
        const auto before = known_.find(key);
        if (before != known_.end() && before->second.etag == now.etag) continue;
        events.push_back({BucketEventKind::Created, "s3:ObjectCreated:Put", bucket_, key, now.size,
                          now.etag, next_sequencer(), time});
    }
    for (const auto& [key, then] : known_)
        if (!listed.contains(key))
            events.push_back({BucketEventKind::Removed, "s3:ObjectRemoved:Delete", bucket_, key, 0,
                              "", next_sequencer(), time});
    known_ = std::move(listed);
    return events;
}

} // namespace liveml::objectstore
