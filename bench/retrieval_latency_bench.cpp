// Query latency vs gallery size: one 512-d query at a time, top-10 by inner product, against
// galleries of random unit vectors. Ours: the VectorIndex the CLI uses, as FAISS Flat IP
// (exact) and FAISS HNSW (M=32, efSearch=128; recall@10 against the exact answer reported),
// and our brute force. Reference, in the same run: bench/retrieval_numpy_bench.py (numpy brute
// force; FAISS through Python where python3-faiss is installed).
//   bench_retrieval_latency [--sizes 1000,10000,...] [--dim D] [--queries N] [--seconds S]
//                           [--hnsw-max N] [--threads N] [--skip-python]
#include "retrieval/latency_stats.hpp"
#include "retrieval/vector_index.hpp"

#include <nlohmann/json.hpp>
#include <omp.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace liveml;
using Clock = std::chrono::steady_clock;

struct Args {
    std::vector<std::size_t> sizes{1'000, 10'000, 100'000, 1'000'000};
    std::size_t dim = 512;
    int queries = 200;              // at most this many queries per method and size...
    double seconds = 5;             // ...and no more than this long (at least 5 queries)
    std::size_t hnsw_max = 100'000; // HNSW construction is minutes per million on 2 cores
    // The caller's OpenMP threads. VectorIndex searches single queries on the calling thread
    // whatever this says (retrieval/search_thread_scope.hpp); --threads 2 shows that it does.
    int threads = 1;
    bool python = true;
};

constexpr std::size_t kTopK = 10;
constexpr int kMinQueries = 5;

retrieval::Matrix random_rows(std::size_t rows, std::size_t dim, std::mt19937& rng) {
    std::normal_distribution<float> normal;
    retrieval::Matrix m{rows, dim, std::vector<float>(rows * dim)};
    for (auto& v : m.data)
        v = normal(rng);
    return m;
}

struct Timed {
    retrieval::LatencyStats stats;
    std::vector<std::vector<retrieval::Hit>> answers; // one per query, for recall
};

Timed time_queries(const std::vector<retrieval::Matrix>& queries, double budget_s,
                   const std::function<std::vector<retrieval::Hit>(const retrieval::Matrix&)>& fn) {
    Timed out;
    std::vector<double> ms;
    const auto start = Clock::now();
    for (const auto& q : queries) {
        const auto t0 = Clock::now();
        out.answers.push_back(fn(q));
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (static_cast<int>(ms.size()) >= kMinQueries && elapsed > budget_s) break;
    }
    out.stats = retrieval::summarize_latencies(
        std::move(ms), std::chrono::duration<double>(Clock::now() - start).count());
    return out;
}

// Share of the exact top-k ids that `approx` also returned, over the queries both answered.
double recall_at_k(const std::vector<std::vector<retrieval::Hit>>& approx,
                   const std::vector<std::vector<retrieval::Hit>>& exact) {
    std::size_t found = 0, total = 0;
    for (std::size_t q = 0; q < std::min(approx.size(), exact.size()); ++q) {
        std::set<std::int64_t> truth;
        for (const auto& h : exact[q])
            truth.insert(h.id);
        for (const auto& h : approx[q])
            found += truth.count(h.id);
        total += truth.size();
    }
    return total ? static_cast<double>(found) / static_cast<double>(total) : 0.0;
}

void print_row(std::size_t size, const std::string& method, const retrieval::LatencyStats& s,
               const std::string& recall, double build_s) {
    std::printf("| %zu | %s | %zu | %.3f | %.3f | %.1f | %s | %.1f |\n", size, method.c_str(),
                s.count, s.p50_ms, s.p95_ms, s.qps, recall.c_str(), build_s);
}

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

void our_rows(std::size_t size, const Args& args, std::mt19937& rng) {
    std::vector<retrieval::Matrix> queries;
    for (int i = 0; i < args.queries; ++i)
        queries.push_back(random_rows(1, args.dim, rng));
    auto gallery = random_rows(size, args.dim, rng);
    const bool with_hnsw = size <= args.hnsw_max;
    const auto one = [](const std::vector<std::vector<retrieval::Hit>>& hits) { return hits[0]; };

    Timed exact;
    {
        const auto t0 = Clock::now();
        retrieval::VectorIndex flat(args.dim, {.kind = retrieval::IndexKind::Flat});
        // Without HNSW to follow, the gallery moves in: a million rows is 2 GB per copy.
        flat.add(with_hnsw ? retrieval::Matrix(gallery) : std::move(gallery),
                 std::vector<retrieval::ItemMeta>(size));
        const double build_s = seconds_since(t0);
        exact = time_queries(queries, args.seconds, [&](const retrieval::Matrix& q) {
            return one(flat.search(q, kTopK));
        });
        print_row(size, "ours: FAISS Flat IP", exact.stats, "1 (exact)", build_s);
        const auto brute = time_queries(queries, args.seconds, [&](const retrieval::Matrix& q) {
            return one(flat.search_exact(q, kTopK));
        });
        print_row(size, "ours: brute force", brute.stats, "1 (exact)", 0);
    }
    if (!with_hnsw) return;
    const auto t0 = Clock::now();
    retrieval::VectorIndex hnsw(args.dim, {.kind = retrieval::IndexKind::Hnsw});
    hnsw.add(std::move(gallery), std::vector<retrieval::ItemMeta>(size));
    const double build_s = seconds_since(t0);
    const auto approx = time_queries(queries, args.seconds, [&](const retrieval::Matrix& q) {
        return one(hnsw.search(q, kTopK));
    });
    char recall[32];
    std::snprintf(recall, sizeof recall, "%.3f", recall_at_k(approx.answers, exact.answers));
    print_row(size, "ours: FAISS HNSW M=32 ef=128", approx.stats, recall, build_s);
}

// Runs the Python reference for one gallery size and prints its rows.
void python_rows(std::size_t size, const Args& args) {
    const auto cmd = std::string(LIVEML_PYTHON) + " " + LIVEML_BENCH_DIR +
                     "/retrieval_numpy_bench.py " + std::to_string(size) + " " +
                     std::to_string(args.dim) + " " + std::to_string(args.queries) + " " +
                     std::to_string(args.seconds) + " " + std::to_string(kTopK);
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot start " + cmd);
    std::string text;
    char buf[4096];
    while (const auto n = fread(buf, 1, sizeof buf, pipe))
        text.append(buf, n);
    if (pclose(pipe) != 0) throw std::runtime_error("the Python reference failed: " + cmd);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto row = nlohmann::json::parse(line);
        retrieval::LatencyStats s;
        s.count = row.at("queries").get<std::size_t>();
        s.p50_ms = row.at("p50_ms").get<double>();
        s.p95_ms = row.at("p95_ms").get<double>();
        s.qps = row.at("qps").get<double>();
        print_row(size, "python: " + row.at("method").get<std::string>(), s,
                  row.at("recall").get<std::string>(), row.at("build_s").get<double>());
    }
}

std::vector<std::size_t> parse_sizes(const std::string& text) {
    std::vector<std::size_t> sizes;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        const auto n = std::stoull(item);
        if (n == 0) throw std::invalid_argument("gallery sizes must be positive");
        sizes.push_back(n);
    }
    if (sizes.empty()) throw std::invalid_argument("--sizes needs at least one size");
    return sizes;
}

Args parse_args(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--sizes" && has_value)
            args.sizes = parse_sizes(argv[++i]);
        else if (a == "--dim" && has_value)
            args.dim = std::stoul(argv[++i]);
        else if (a == "--queries" && has_value)
            args.queries = std::stoi(argv[++i]);
        else if (a == "--seconds" && has_value)
            args.seconds = std::stod(argv[++i]);
        else if (a == "--hnsw-max" && has_value)
            args.hnsw_max = std::stoul(argv[++i]);
        else if (a == "--threads" && has_value)
            args.threads = std::stoi(argv[++i]);
        else if (a == "--skip-python")
            args.python = false;
        else
            throw std::invalid_argument("unknown argument '" + a + "'");
    }
    if (args.dim == 0 || args.queries < kMinQueries || args.seconds <= 0 || args.threads < 1)
        throw std::invalid_argument(
            "--dim and --threads must be positive, --queries at least 5, --seconds > 0");
    return args;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // rows appear as they are measured
    try {
        const auto args = parse_args(argc, argv);
        omp_set_num_threads(args.threads);
        std::printf("Top-%zu query latency, one %zu-d query at a time, random unit vectors; up to "
                    "%d queries or %g s per row; FAISS on %d thread(s)\n\n",
                    kTopK, args.dim, args.queries, args.seconds, args.threads);
        std::printf("| gallery | method | queries | p50 ms | p95 ms | QPS | recall@10 | build s |\n"
                    "|---|---|---|---|---|---|---|---|\n");
        std::mt19937 rng(1);
        for (const auto size : args.sizes) {
            our_rows(size, args, rng);
            if (args.python) python_rows(size, args);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_retrieval_latency: " << e.what()
                  << "\nusage: bench_retrieval_latency [--sizes 1000,10000,...] [--dim D] "
                     "[--queries N] [--seconds S] [--hnsw-max N] [--threads N] [--skip-python]\n";
        return 1;
    }
    return 0;
}
