#pragma once
#include "datasets/user_images.hpp"
#include "retrieval/vector_index.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace liveml::retrieval {

// A file an incremental re-index must embed: new, or changed (size or mtime differ), in which
// case `replaces` names the id of its older version. The old entry is dropped only when the
// new one is added, so a re-index stopped half-way still answers for files it did not reach.
struct SyncItem {
    datasets::ImageFileEntry file;
    std::optional<std::int64_t> replaces;
};

// What an incremental re-index of an image folder must do, in scan (path) order.
struct SyncPlan {
    std::vector<SyncItem> to_embed;
    std::vector<std::int64_t> deleted; // ids of files no longer in the folder
    std::size_t unchanged = 0;
};

SyncPlan plan_sync(const VectorIndex& index, const std::vector<datasets::ImageFileEntry>& scanned);

} // namespace liveml::retrieval
