#pragma once
#include "retrieval/brute_force.hpp"
#include "retrieval/matrix.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace liveml::retrieval {

// What an embedding stands for.
struct ItemMeta {
    std::string path;       // image path (relative to the gallery root) or dataset key
    std::uint64_t size = 0; // file size, for incremental re-indexing
    std::int64_t mtime_ns = 0;
    std::string caption;
    int label = -1; // class of built-in dataset items, -1 when none
};

enum class IndexKind {
    Auto, // Flat below hnsw_threshold vectors, HNSW at or above
    Flat, // faiss IndexFlatIP: exact
    Hnsw, // faiss IndexHNSWFlat (M = 32, inner product): approximate, for large galleries
};

struct IndexOptions {
    IndexKind kind = IndexKind::Auto;
    std::size_t hnsw_threshold = 100'000;
    int hnsw_m = 32;
    int hnsw_ef_search = 128;
};

// Inner-product index over L2-normalised embeddings (so scores are cosine similarities),
// with stable int64 ids and metadata per id. The vectors themselves are kept, so removal and
// a change of kind rebuild the FAISS index exactly, and brute force can cross-check it.
//
// On disk (a directory): embeddings.safetensors (F32 "embeddings" [n, dim], I64 "ids" [n]),
// items.jsonl (one ItemMeta per row, same order), index.json (format version, dim, count, kind,
// next id, source). The FAISS structure is rebuilt on load (flat: instant; HNSW: seconds per
// 100k vectors).
class VectorIndex {
  public:
    explicit VectorIndex(std::size_t dim, IndexOptions options = {});
    VectorIndex(VectorIndex&&) noexcept;
    VectorIndex& operator=(VectorIndex&&) noexcept;
    ~VectorIndex();

    // Adds rows of `vectors` ([n, dim], normalised here) and returns their new ids.
    std::vector<std::int64_t> add(Matrix vectors, std::vector<ItemMeta> items);
    // Removes the given ids (unknown ids ignored); returns how many were removed.
    std::size_t remove(const std::vector<std::int64_t>& ids);

    // Top-k per query row (queries are normalised here), best first. Batches of fewer than
    // kParallelSearchFromQueries rows run FAISS on the calling thread (search_thread_scope.hpp).
    std::vector<std::vector<Hit>> search(Matrix queries, std::size_t k) const;
    // The same answer computed by brute force, for cross-checking.
    std::vector<std::vector<Hit>> search_exact(Matrix queries, std::size_t k) const;

    std::size_t size() const;
    std::size_t dim() const;
    IndexKind active_kind() const; // Flat or Hnsw
    const ItemMeta* meta(std::int64_t id) const;
    std::optional<std::int64_t> find_path(const std::string& path) const;
    std::vector<std::int64_t> ids() const; // ascending
    // What made the embeddings (a model's fingerprint), kept in index.json so a later run can
    // tell that its vectors come from another model. Empty when unknown.
    const std::string& source() const;
    void set_source(std::string source);

    void save(const std::filesystem::path& dir) const;
    // Throws std::runtime_error for a missing or inconsistent directory.
    static VectorIndex load(const std::filesystem::path& dir, IndexOptions options = {});

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace liveml::retrieval
