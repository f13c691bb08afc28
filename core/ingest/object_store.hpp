#pragma once
// Where ingest reads objects and writes its outputs: an S3 bucket, or a local folder
// (`--watch DIR`, `--out-dir DIR`). One interface so the processor does not care which.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "objectstore/s3_client.hpp"

namespace liveml::ingest {

// An object that will never be processed, whatever the retries (missing, too large, a key that
// names no file): its event goes to the dead-letter topic with this reason. Any other
// exception from a store is transient (server down): the job retries later.
class ObjectRefused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class ObjectStore {
  public:
    virtual ~ObjectStore() = default;
    // The object's bytes; ObjectRefused when it is missing or larger than max_bytes.
    virtual std::string get(std::string_view bucket, std::string_view key,
                            std::uint64_t max_bytes) = 0;
    virtual void put(std::string_view bucket, std::string_view key, std::string_view bytes,
                     std::string_view content_type) = 0;
    // Removing what is not there succeeds.
    virtual void remove(std::string_view bucket, std::string_view key) = 0;
};

class S3ObjectStore : public ObjectStore {
  public:
    explicit S3ObjectStore(objectstore::S3Client& client) : client_(client) {}
    std::string get(std::string_view bucket, std::string_view key,
                    std::uint64_t max_bytes) override;
    void put(std::string_view bucket, std::string_view key, std::string_view bytes,
             std::string_view content_type) override;
    void remove(std::string_view bucket, std::string_view key) override;

  private:
    objectstore::S3Client& client_;
};

// A folder standing for every bucket: (bucket, key) is root/key. Keys that would leave the
// folder (absolute, "..") are refused.
class FolderObjectStore : public ObjectStore {
  public:
    explicit FolderObjectStore(std::filesystem::path root) : root_(std::move(root)) {}
    std::string get(std::string_view bucket, std::string_view key,
                    std::uint64_t max_bytes) override;
    void put(std::string_view bucket, std::string_view key, std::string_view bytes,
             std::string_view content_type) override;
    void remove(std::string_view bucket, std::string_view key) override;
    const std::filesystem::path& root() const noexcept { return root_; }

  private:
    std::filesystem::path path_of(std::string_view key) const;
    std::filesystem::path root_;
};

} // namespace liveml::ingest
