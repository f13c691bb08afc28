#pragma once
// Bucket notifications for S3 servers that send none (S3Proxy, a plain Ceph or a Swift
// gateway): lists the bucket with ListObjectsV2 and turns the difference from the previous
// listing into MinIO-format events. Limits (docs/ingest.md): it sees state, not operations, so
// several changes of one object between two polls are one event, an object deleted and put
// back with the same content between polls is none, and a listing costs one request per
// 1,000 objects; the first poll reports every object as created; sequencers come from the
// watcher's clock (monotonic within one watcher). Keys ending in '/' (folder markers) are
// left out.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "objectstore/bucket_event.hpp"
#include "objectstore/s3_client.hpp"

namespace liveml::objectstore {

class BucketPoller {
  public:
    BucketPoller(S3Client& client, std::string bucket, std::string prefix = "");

    // Events for what changed since the previous poll, in key order. Throws S3Error when the
    // listing fails (the known state is then unchanged).
    std::vector<BucketEvent> poll();
    std::size_t known_objects() const noexcept { return known_.size(); }

  private:
    struct Known {
        std::string etag;
        std::uint64_t size = 0;
    };
    std::string next_sequencer();

    S3Client& client_;
    std::string bucket_;
    std::string prefix_;
    std::map<std::string, Known> known_;
    std::uint64_t last_sequencer_ = 0;
};

} // namespace liveml::objectstore
