#pragma once
// Where one process stands in a data-parallel job (`clip train --nproc N`): its rank, how many
// ranks there are and the rendezvous store the launcher hosts. Torch-free so the CLI can fill
// it from the environment the launcher gives each rank (docs/parallel.md).
#include <cstddef>
#include <memory>
#include <stdexcept>

namespace liveml::clip {

struct ProcessRank {
    int rank = 0;
    int world_size = 1; // 1: a single process, no collectives
    int store_port = 0; // the launcher's c10d TCPStore on 127.0.0.1
    // Bounds the rendezvous and every collective: a rank that stops answering fails the job
    // after this long instead of hanging it.
    int timeout_s = 300;
    bool distributed() const noexcept { return world_size > 1; }
};

// Rank `index` of `shards`' contiguous share of n rows, [begin, begin + count): the first
// n mod shards shares hold one row more.
struct RowRange {
    std::size_t begin = 0, count = 0;
};
RowRange shard_rows(std::size_t n, int index, int shards);

// A collective with the other ranks failed: one of them exited, crashed or stopped answering
// within the timeout. The rank that throws it is not the cause; the launcher names the cause.
class RankLost : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The c10d TCPStore server every rank of a job rendezvous through, on 127.0.0.1 and a port the
// kernel picks (so no other job can take it between choosing and binding). The launcher holds
// it for the job's lifetime, as torchrun's agent does.
class RendezvousStore {
  public:
    explicit RendezvousStore(int timeout_s);
    ~RendezvousStore();
    RendezvousStore(const RendezvousStore&) = delete;
    RendezvousStore& operator=(const RendezvousStore&) = delete;
    int port() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace liveml::clip
