#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace liveml::datasets {

// One image file as seen on disk; size + mtime let an index notice changed files.
struct ImageFileEntry {
    std::filesystem::path path; // relative to the scanned folder, '/'-separated
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0; // last write time, nanoseconds since the Unix epoch
};

// Image files (by extension: png jpg jpeg bmp gif pgm ppm tga, case-insensitive) under
// `folder`, recursively, sorted by path. Symlinks are followed; hidden entries skipped.
// Throws std::runtime_error when `folder` is not a readable directory.
std::vector<ImageFileEntry> scan_image_folder(const std::filesystem::path& folder);

struct CaptionedImage {
    std::filesystem::path image; // absolute (resolved against the folder)
    std::string caption;
};

struct CaptionsLoad {
    std::vector<CaptionedImage> items;
    std::vector<std::string> problems; // "captions.jsonl:7: image 'x.png' not found", …
};

// A folder of images plus a captions file with fields {image, caption}: JSONL (one object
// per line) or CSV (header row naming "image" and "caption"; RFC 4180 quoting), chosen by
// extension (.jsonl/.json vs .csv). Bad rows (unparseable, missing fields, empty caption,
// a path escaping the folder, missing image file) are skipped and reported, never fatal.
// Throws only when the captions file itself cannot be read.
CaptionsLoad load_captioned_folder(const std::filesystem::path& folder,
                                   const std::filesystem::path& captions_file);

} // namespace liveml::datasets
