#include "ingest/ingest_state.hpp"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "common/file_bytes.hpp"

namespace liveml::ingest {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLedgerFile = "ingest-ledger.json";
constexpr std::size_t kMaxLedgerBytes = 1ull << 30;

fs::path sibling(const fs::path& dir, const char* suffix) {
    auto path = dir;
    if (!path.has_filename()) path = path.parent_path(); // "index/" names "index"
    return path.parent_path() / (path.filename().string() + suffix);
}

} // namespace

IngestState open_ingest_state(const fs::path& dir, std::size_t dim, const std::string& source) {
    // A save that stopped before its swap leaves only the unfinished copy.
    fs::remove_all(sibling(dir, ".next"));
    if (!fs::exists(dir / "index.json")) {
        IngestState state{retrieval::VectorIndex(dim), {}};
        state.index.set_source(source);
        return state;
    }
    auto index = retrieval::VectorIndex::load(dir);
    if (index.dim() != dim || index.source() != source)
        throw std::runtime_error(dir.string() +
                                 " holds an index of another model; give ingest its own --index "
                                 "folder or remove that one");
    IngestLedger ledger;
    if (fs::exists(dir / kLedgerFile))
        ledger = IngestLedger::read(read_file_bytes(dir / kLedgerFile, kMaxLedgerBytes));
    else if (index.size() > 0)
        throw std::runtime_error(dir.string() + " holds an index that ingest did not build (no " +
                                 kLedgerFile + "); give ingest its own --index folder");
    return {std::move(index), std::move(ledger)};
}

void save_ingest_state(const IngestState& state, const fs::path& dir) {
    const auto next = sibling(dir, ".next");
    fs::remove_all(next);
    state.index.save(next);
    write_file_atomic(next / kLedgerFile, state.ledger.write());
    if (!fs::exists(dir)) {
        fs::rename(next, dir);
        return;
    }
    if (::renameat2(AT_FDCWD, next.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0)
        throw std::runtime_error("cannot swap " + next.string() + " into " + dir.string() + ": " +
                                 std::strerror(errno));
    fs::remove_all(next); // the previous state, now under the sibling's name
}

} // namespace liveml::ingest
