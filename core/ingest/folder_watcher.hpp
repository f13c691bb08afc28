#pragma once
// Bucket events from a local folder (`liveml clip ingest --watch DIR`), so ingest runs on a
// machine without an object store: inotify reports files written (closed after writing, or
// moved in) and removed (deleted, or moved out), in every subfolder. Keys are paths relative
// to the folder; names starting with '.' (editors' and our own temporary files) are ignored.
// The eTag stands for the file's size and mtime; sequencers are the time of the change in
// nanoseconds, so a later change of one file is newer. When the kernel's event queue
// overflows, every file is listed again as created; deletions lost in the overflow are not
// seen.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "objectstore/bucket_event.hpp"

namespace liveml::ingest {

class FolderWatcher {
  public:
    // Throws std::runtime_error when the folder cannot be watched.
    FolderWatcher(std::filesystem::path root, std::string bucket);
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    // The first call returns every file already there (as created); later calls wait at most
    // `wait` for changes and return them in the order they happened.
    std::vector<objectstore::BucketEvent> next(std::chrono::milliseconds wait);

  private:
    void watch_tree(const std::filesystem::path& dir, std::vector<objectstore::BucketEvent>* found);
    objectstore::BucketEvent created(const std::filesystem::path& file) const;
    objectstore::BucketEvent removed(const std::filesystem::path& file) const;
    std::string key_of(const std::filesystem::path& file) const;

    std::filesystem::path root_;
    std::string bucket_;
    int fd_ = -1;
    std::map<int, std::filesystem::path> dirs_; // watch descriptor → folder
    bool scanned_ = false;
};

} // namespace liveml::ingest
