#include "retrieval/index_sync.hpp"

#include <unordered_set>

namespace liveml::retrieval {

SyncPlan plan_sync(const VectorIndex& index, const std::vector<datasets::ImageFileEntry>& scanned) {
    SyncPlan plan;
    std::unordered_set<std::string> present;
    for (const auto& entry : scanned) {
        const std::string path = entry.path.generic_string();
        present.insert(path);
        const auto id = index.find_path(path);
        if (!id) {
            plan.to_embed.push_back({entry, std::nullopt});
            continue;
        }
        const auto* meta = index.meta(*id);
        if (meta->size == entry.size && meta->mtime_ns == entry.mtime_ns)
            ++plan.unchanged;
        else
            plan.to_embed.push_back({entry, *id});
    }
    for (auto id : index.ids()) {
        const auto* meta = index.meta(id);
        if (!meta->path.empty() && !present.contains(meta->path)) plan.deleted.push_back(id);
    }
    return plan;
}

} // namespace liveml::retrieval
