#pragma once
#include "datasets/user_images.hpp"
#include "retrieval/vector_index.hpp"

#include <cstdint>
#include <vector>

namespace liveml::retrieval {

// What an incremental re-index of an image folder must do: embed `to_embed` (new files and
// files whose size or mtime changed) and drop `to_remove` (ids of deleted or changed files).
struct SyncPlan {
    std::vector<datasets::ImageFileEntry> to_embed;
    std::vector<std::int64_t> to_remove;
    std::size_t unchanged = 0;
};

SyncPlan plan_sync(const VectorIndex& index, const std::vector<datasets::ImageFileEntry>& scanned);

} // namespace liveml::retrieval
