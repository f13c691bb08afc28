#include "ingest/folder_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace liveml::ingest {
namespace {

namespace fs = std::filesystem;
using objectstore::BucketEvent;
using objectstore::BucketEventKind;

constexpr std::uint32_t kMask =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM | IN_CREATE | IN_DELETE_SELF;

std::string hex(std::uint64_t value) {
    std::ostringstream out;
    out << std::uppercase << std::hex << std::setw(16) << std::setfill('0') << value;
    return out.str();
}

std::uint64_t now_ns() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
}

bool hidden(const fs::path& path) {
    const auto name = path.filename().string();
    return name.empty() || name[0] == '.';
}

} // namespace

FolderWatcher::FolderWatcher(fs::path root, std::string bucket)
    : root_(std::move(root)), bucket_(std::move(bucket)) {
    if (!fs::is_directory(root_))
        throw std::runtime_error(root_.string() + " is not a folder to watch");
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
}

FolderWatcher::~FolderWatcher() {
    if (fd_ >= 0) ::close(fd_);
}

std::string FolderWatcher::key_of(const fs::path& file) const {
    return file.lexically_relative(root_).generic_string();
}

BucketEvent FolderWatcher::created(const fs::path& file) const {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    // On the system clock, as removals' sequencers are (file_clock has another epoch).
    const auto mtime =
        std::chrono::file_clock::to_sys(fs::last_write_time(file, error)).time_since_epoch();
    const auto mtime_ns = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(mtime).count());
    return {BucketEventKind::Created,
            "s3:ObjectCreated:Put",
            bucket_,
            key_of(file),
            error ? 0 : size,
            std::to_string(size) + "-" + hex(mtime_ns),
            hex(mtime_ns),
            ""};
}

BucketEvent FolderWatcher::removed(const fs::path& file) const {
    return {BucketEventKind::Removed,
            "s3:ObjectRemoved:Delete",
            bucket_,
            key_of(file),
            0,
            "",
            hex(now_ns()),
            ""};
}

// Watches dir and every folder below it; with `found`, lists the files already there (a
// folder moved in, or one written to before its watch was in place).
void FolderWatcher::watch_tree(const fs::path& dir, std::vector<BucketEvent>* found) {
    const int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
    if (wd < 0)
        throw std::runtime_error("cannot watch " + dir.string() + ": " + std::strerror(errno));
    dirs_[wd] = dir;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        if (hidden(entry.path())) continue;
        if (entry.is_directory())
            watch_tree(entry.path(), found);
        else if (found && entry.is_regular_file())
            found->push_back(created(entry.path()));
    }
}

std::vector<BucketEvent> FolderWatcher::next(std::chrono::milliseconds wait) {
    std::vector<BucketEvent> events;
    if (!scanned_) {
        scanned_ = true;
        watch_tree(root_, &events);
        return events;
    }
    pollfd pfd{fd_, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(wait.count())) <= 0) return events;
    alignas(inotify_event) std::array<char, 64 * 1024> buffer{};
    bool overflowed = false;
    for (;;) {
        const auto n = ::read(fd_, buffer.data(), buffer.size());
        if (n <= 0) break;
        for (std::size_t at = 0; at < static_cast<std::size_t>(n);) {
            const auto* e = reinterpret_cast<const inotify_event*>(buffer.data() + at);
            at += sizeof(inotify_event) + e->len;
            overflowed = overflowed || (e->mask & IN_Q_OVERFLOW);
            const auto dir = dirs_.find(e->wd);
            if (dir == dirs_.end()) continue;
            if (e->mask & (IN_DELETE_SELF | IN_IGNORED)) {
                dirs_.erase(dir);
                continue;
            }
            if (e->len == 0) continue;
            const auto path = dir->second / e->name;
            if (hidden(path)) continue;
            if (e->mask & IN_ISDIR) {
                if (e->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(path, &events);
                continue;
            }
            if (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO))
                events.push_back(created(path));
            else if (e->mask & (IN_DELETE | IN_MOVED_FROM))
                events.push_back(removed(path));
        }
    }
    // The kernel dropped events: list everything again (the ledger skips what is unchanged).
    if (overflowed) watch_tree(root_, &events);
    return events;
}

} // namespace liveml::ingest
