#include "retrieval/vector_index.hpp"

#include "common/file_bytes.hpp"
#include "retrieval/search_thread_scope.hpp"
#include "safetensors/safetensors_reader.hpp"
#include "safetensors/safetensors_writer.hpp"

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexIDMap.h>
#include <faiss/impl/IDSelector.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace liveml::retrieval {
namespace {

using FaissId = faiss::Index::idx_t; // faiss 1.7.3 (Debian 12) scopes it in Index
constexpr int kFormatVersion = 1;
constexpr std::size_t kMaxItemsFileBytes = 1ull << 30;

const char* kind_name(IndexKind kind) {
    switch (kind) {
    case IndexKind::Flat:
        return "flat";
    case IndexKind::Hnsw:
        return "hnsw";
    default:
        return "auto";
    }
}

nlohmann::json to_json(const ItemMeta& m) {
    return {{"path", m.path},
            {"size", m.size},
            {"mtime_ns", m.mtime_ns},
            {"caption", m.caption},
            {"label", m.label}};
}

ItemMeta item_from_json(const nlohmann::json& j) {
    ItemMeta m;
    m.path = j.at("path").get<std::string>();
    m.size = j.at("size").get<std::uint64_t>();
    m.mtime_ns = j.at("mtime_ns").get<std::int64_t>();
    m.caption = j.at("caption").get<std::string>();
    m.label = j.at("label").get<int>();
    return m;
}

} // namespace

struct VectorIndex::Impl {
    std::size_t dim = 0;
    IndexOptions options;
    Matrix vectors;                // one normalised row per item, in row order
    std::vector<std::int64_t> ids; // row -> id
    std::vector<ItemMeta> items;   // row -> metadata
    std::unordered_map<std::int64_t, std::size_t> row_of;
    std::unordered_map<std::string, std::int64_t> id_of_path;
    std::int64_t next_id = 0;
    std::string source;
    IndexKind kind = IndexKind::Flat;
    std::unique_ptr<faiss::IndexIDMap2> faiss_index;

    IndexKind wanted_kind() const {
        if (options.kind != IndexKind::Auto) return options.kind;
        return vectors.rows >= options.hnsw_threshold ? IndexKind::Hnsw : IndexKind::Flat;
    }

    // Builds the FAISS structure from the kept vectors.
    void rebuild() {
        kind = wanted_kind();
        faiss::Index* inner = nullptr;
        if (kind == IndexKind::Hnsw) {
            auto* hnsw = new faiss::IndexHNSWFlat(static_cast<int>(dim), options.hnsw_m,
                                                  faiss::METRIC_INNER_PRODUCT);
            hnsw->hnsw.efSearch = options.hnsw_ef_search;
            inner = hnsw;
        } else {
            inner = new faiss::IndexFlatIP(static_cast<FaissId>(dim));
        }
        faiss_index = std::make_unique<faiss::IndexIDMap2>(inner);
        faiss_index->own_fields = true;
        if (vectors.rows)
            faiss_index->add_with_ids(static_cast<FaissId>(vectors.rows), vectors.data.data(),
                                      ids.data());
    }

    void reindex_rows() {
        row_of.clear();
        id_of_path.clear();
        for (std::size_t r = 0; r < ids.size(); ++r) {
            row_of[ids[r]] = r;
            if (!items[r].path.empty()) id_of_path[items[r].path] = ids[r];
        }
    }
};

VectorIndex::VectorIndex(std::size_t dim, IndexOptions options) : impl_(std::make_unique<Impl>()) {
    if (dim == 0) throw std::invalid_argument("VectorIndex: dimension must be positive");
    impl_->dim = dim;
    impl_->options = options;
    impl_->vectors.cols = dim;
    impl_->rebuild();
}
VectorIndex::VectorIndex(VectorIndex&&) noexcept = default;
VectorIndex& VectorIndex::operator=(VectorIndex&&) noexcept = default;
VectorIndex::~VectorIndex() = default;

std::vector<std::int64_t> VectorIndex::add(Matrix vectors, std::vector<ItemMeta> items) {
    auto& d = *impl_;
    if (vectors.cols != d.dim)
        throw std::invalid_argument("VectorIndex::add: vectors have width " +
                                    std::to_string(vectors.cols) + ", index has " +
                                    std::to_string(d.dim));
    if (items.size() != vectors.rows)
        throw std::invalid_argument("VectorIndex::add: one ItemMeta per vector is required");
    normalize_rows(vectors);
    std::vector<std::int64_t> new_ids(vectors.rows);
    for (auto& id : new_ids)
        id = d.next_id++;
    d.vectors.data.insert(d.vectors.data.end(), vectors.data.begin(), vectors.data.end());
    d.vectors.rows += vectors.rows;
    d.ids.insert(d.ids.end(), new_ids.begin(), new_ids.end());
    // Appending keeps every existing row where it is: index only the new rows (a gallery is
    // added batch by batch, and rebuilding the maps each time would be quadratic).
    for (std::size_t i = 0; i < items.size(); ++i) {
        d.row_of[new_ids[i]] = d.items.size();
        if (!items[i].path.empty()) d.id_of_path[items[i].path] = new_ids[i];
        d.items.push_back(std::move(items[i]));
    }
    if (d.wanted_kind() != d.kind)
        d.rebuild();
    else if (vectors.rows)
        d.faiss_index->add_with_ids(static_cast<FaissId>(vectors.rows), vectors.data.data(),
                                    new_ids.data());
    return new_ids;
}

std::size_t VectorIndex::remove(const std::vector<std::int64_t>& ids) {
    auto& d = *impl_;
    std::vector<char> drop(d.ids.size(), 0);
    std::vector<std::int64_t> removed;
    for (auto id : ids)
        if (const auto it = d.row_of.find(id); it != d.row_of.end() && !drop[it->second]) {
            drop[it->second] = 1;
            removed.push_back(id);
        }
    if (removed.empty()) return 0;
    std::size_t kept = 0;
    for (std::size_t r = 0; r < d.ids.size(); ++r) {
        if (drop[r]) continue;
        if (kept != r) {
            std::copy_n(d.vectors.row(r).begin(), d.dim, d.vectors.row(kept).begin());
            d.ids[kept] = d.ids[r];
            d.items[kept] = std::move(d.items[r]);
        }
        ++kept;
    }
    d.ids.resize(kept);
    d.items.resize(kept);
    d.vectors.rows = kept;
    d.vectors.data.resize(kept * d.dim);
    d.reindex_rows();
    // A flat index removes in place; HNSW graphs cannot drop nodes, and shrinking below the
    // threshold may switch kinds, so those rebuild from the kept vectors.
    if (d.kind == IndexKind::Flat && d.wanted_kind() == IndexKind::Flat) {
        faiss::IDSelectorBatch selector(removed.size(), removed.data());
        d.faiss_index->remove_ids(selector);
    } else {
        d.rebuild();
    }
    return removed.size();
}

std::vector<std::vector<Hit>> VectorIndex::search(Matrix queries, std::size_t k) const {
    const auto& d = *impl_;
    if (queries.cols != d.dim)
        throw std::invalid_argument("VectorIndex::search: query width " +
                                    std::to_string(queries.cols) + " != index dimension " +
                                    std::to_string(d.dim));
    normalize_rows(queries);
    const std::size_t keep = std::min(k, d.vectors.rows);
    std::vector<std::vector<Hit>> results(queries.rows);
    if (keep == 0 || queries.rows == 0) return results;
    if (d.kind == IndexKind::Hnsw) {
        auto* hnsw = dynamic_cast<faiss::IndexHNSWFlat*>(d.faiss_index->index);
        hnsw->hnsw.efSearch = std::max<int>(d.options.hnsw_ef_search, static_cast<int>(keep));
    }
    std::vector<float> scores(queries.rows * keep);
    std::vector<FaissId> labels(queries.rows * keep);
    const SearchThreadScope threads(queries.rows);
    d.faiss_index->search(static_cast<FaissId>(queries.rows), queries.data.data(),
                          static_cast<FaissId>(keep), scores.data(), labels.data());
    for (std::size_t q = 0; q < queries.rows; ++q)
        for (std::size_t i = 0; i < keep; ++i)
            if (labels[q * keep + i] >= 0)
                results[q].push_back({labels[q * keep + i], scores[q * keep + i]});
    return results;
}

std::vector<std::vector<Hit>> VectorIndex::search_exact(Matrix queries, std::size_t k) const {
    normalize_rows(queries);
    return brute_force_search(impl_->vectors, queries, k, impl_->ids);
}

std::size_t VectorIndex::size() const {
    return impl_->vectors.rows;
}
std::size_t VectorIndex::dim() const {
    return impl_->dim;
}
IndexKind VectorIndex::active_kind() const {
    return impl_->kind;
}

const ItemMeta* VectorIndex::meta(std::int64_t id) const {
    const auto it = impl_->row_of.find(id);
    return it == impl_->row_of.end() ? nullptr : &impl_->items[it->second];
}

std::optional<std::int64_t> VectorIndex::find_path(const std::string& path) const {
    const auto it = impl_->id_of_path.find(path);
    if (it == impl_->id_of_path.end()) return std::nullopt;
    return it->second;
}

std::vector<std::int64_t> VectorIndex::ids() const {
    auto out = impl_->ids;
    std::sort(out.begin(), out.end());
    return out;
}

const std::string& VectorIndex::source() const {
    return impl_->source;
}
void VectorIndex::set_source(std::string source) {
    impl_->source = std::move(source);
}

void VectorIndex::save(const std::filesystem::path& dir) const {
    const auto& d = *impl_;
    std::filesystem::create_directories(dir);
    safetensors::SafetensorsWriter writer;
    writer.add("embeddings", safetensors::Dtype::F32,
               {static_cast<std::int64_t>(d.vectors.rows), static_cast<std::int64_t>(d.dim)},
               d.vectors.data);
    writer.add_raw("ids", safetensors::Dtype::I64, {static_cast<std::int64_t>(d.ids.size())},
                   std::as_bytes(std::span(d.ids)));
    writer.write(dir / "embeddings.safetensors");
    std::string lines;
    for (const auto& item : d.items)
        lines += to_json(item).dump() + '\n';
    write_file_atomic(dir / "items.jsonl", lines);
    const nlohmann::json info{{"format_version", kFormatVersion},
                              {"dim", d.dim},
                              {"count", d.vectors.rows},
                              {"next_id", d.next_id},
                              {"source", d.source},
                              {"kind", kind_name(d.options.kind)}};
    // Written last: a directory with index.json is complete.
    write_file_atomic(dir / "index.json", info.dump(2) + '\n');
}

VectorIndex VectorIndex::load(const std::filesystem::path& dir, IndexOptions options) {
    auto fail = [&](const std::string& what) -> void {
        throw std::runtime_error(dir.string() + ": " + what);
    };
    nlohmann::json info;
    try {
        info = nlohmann::json::parse(read_file_bytes(dir / "index.json", 1u << 20));
        if (info.at("format_version").get<int>() != kFormatVersion)
            fail("unsupported format version");
        const auto dim = info.at("dim").get<std::size_t>();
        const auto count = info.at("count").get<std::size_t>();
        VectorIndex index(dim, options);
        auto& d = *index.impl_;
        d.next_id = info.at("next_id").get<std::int64_t>();
        d.source = info.value("source", std::string{});

        const auto file = safetensors::SafetensorsFile::open(dir / "embeddings.safetensors");
        const auto& emb = file.at("embeddings");
        const auto& ids = file.at("ids");
        if (emb.dtype != safetensors::Dtype::F32 || emb.shape.size() != 2 ||
            emb.shape[0] != static_cast<std::int64_t>(count) ||
            emb.shape[1] != static_cast<std::int64_t>(dim))
            fail("embeddings do not match index.json (count " + std::to_string(count) + ", dim " +
                 std::to_string(dim) + ")");
        if (ids.dtype != safetensors::Dtype::I64 || ids.numel() != count)
            fail("ids do not match index.json");
        d.vectors = Matrix{count, dim, file.to_float32(emb)};
        d.ids.resize(count);
        if (count) std::memcpy(d.ids.data(), file.bytes(ids).data(), count * sizeof(std::int64_t));

        const auto lines = read_file_bytes(dir / "items.jsonl", kMaxItemsFileBytes);
        for (std::size_t pos = 0; pos < lines.size();) {
            auto end = lines.find('\n', pos);
            if (end == std::string::npos) end = lines.size();
            if (end > pos)
                d.items.push_back(
                    item_from_json(nlohmann::json::parse(lines.substr(pos, end - pos))));
            pos = end + 1;
        }
        if (d.items.size() != count)
            fail("items.jsonl has " + std::to_string(d.items.size()) + " rows, expected " +
                 std::to_string(count));
        for (auto id : d.ids)
            if (id < 0 || id >= d.next_id) fail("id " + std::to_string(id) + " out of range");
        d.reindex_rows();
        if (d.row_of.size() != count) fail("duplicate ids");
        d.rebuild();
        return index;
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(dir.string() + ": malformed index metadata (" + e.what() + ")");
    }
}

} // namespace liveml::retrieval
