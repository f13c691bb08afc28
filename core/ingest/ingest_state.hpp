#pragma once
// The retrieval index and the ledger of what built it, saved together and atomically: a
// reader (or a restarted ingest) sees the previous state or the new one, never a mix, so the
// offsets committed after a save always match the index on disk.
#include <filesystem>
#include <string>

#include "ingest/ingest_ledger.hpp"
#include "retrieval/vector_index.hpp"

namespace liveml::ingest {

struct IngestState {
    retrieval::VectorIndex index;
    IngestLedger ledger;
};

// The state in dir, or a new one of this dimension and source (model fingerprint). Throws
// std::runtime_error when dir holds an index of another model or dimension (its vectors
// cannot be mixed with new ones), or a broken one.
IngestState open_ingest_state(const std::filesystem::path& dir, std::size_t dim,
                              const std::string& source);

// Writes the whole state into a sibling folder, then swaps it with dir in one
// renameat2(RENAME_EXCHANGE) and removes the old one.
void save_ingest_state(const IngestState& state, const std::filesystem::path& dir);

} // namespace liveml::ingest
