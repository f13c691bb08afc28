// CLIP embedding throughput (images/s, texts/s at batch 1 and 64) of our LibTorch engine vs
// the same architecture and weights in Python torch, measured in the same run; then query
// latency against galleries of growing size: the FAISS-backed index vs exact brute force.
//   clip_embed_bench [--threads N] [--iters N] [--device cpu|cuda] [--skip-python]
#include "clip/clip_runtime.hpp"
#include "clip/model_io.hpp"
#include "retrieval/latency_stats.hpp"
#include "retrieval/vector_index.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

namespace {

using namespace liveml;
using Clock = std::chrono::steady_clock;

struct Args {
    int threads = 2;
    int iters = 16;
    std::string device = "cpu";
    bool python = true;
};

double per_second(const std::function<void()>& fn, int batch, int iters, bool cuda) {
    fn(); // warm-up
    if (cuda) torch::cuda::synchronize();
    const auto start = Clock::now();
    for (int i = 0; i < iters; ++i)
        fn();
    if (cuda) torch::cuda::synchronize();
    return batch * iters / std::chrono::duration<double>(Clock::now() - start).count();
}

nlohmann::json ours(clip::ClipModelImpl& model, const torch::Device& device, int iters) {
    const auto& c = model.config();
    nlohmann::json out;
    torch::NoGradGuard no_grad;
    model.eval();
    torch::manual_seed(0);
    for (const int batch : {1, 64}) {
        const int n = batch == 1 ? iters : std::max(1, iters / 8);
        const auto pixels =
            torch::randn({batch, c.vision.num_channels, c.vision.image_size, c.vision.image_size})
                .to(device);
        auto ids = torch::randint(0, c.text.vocab_size - 1, {batch, c.text.max_position_embeddings},
                                  torch::kInt64);
        ids.index_put_({torch::indexing::Slice(), -1}, c.text.vocab_size - 1);
        ids = ids.to(device);
        const auto key = std::to_string(batch);
        out["image"][key] =
            per_second([&] { model.encode_image(pixels); }, batch, n, device.is_cuda());
        out["text"][key] = per_second([&] { model.encode_text(ids); }, batch, n, device.is_cuda());
    }
    return out;
}

nlohmann::json python_side(const std::filesystem::path& dir, const Args& args) {
    const auto cmd = std::string(LIVEML_PYTHON) + " " + LIVEML_BENCH_DIR + "/clip_torch_bench.py " +
                     LIVEML_CLIP_REFERENCE + " " + dir.string() + " " +
                     std::to_string(args.threads) + " " + std::to_string(args.iters);
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return nullptr;
    std::string text;
    char buf[4096];
    while (const auto n = fread(buf, 1, sizeof buf, pipe))
        text.append(buf, n);
    if (pclose(pipe) != 0) return nullptr;
    return nlohmann::json::parse(text, nullptr, false);
}

void embedding_rows(const std::string& name, const clip::ClipConfig& config, const Args& args,
                    const torch::Device& device) {
    torch::manual_seed(0);
    clip::ClipModel model(config);
    const auto dir = std::filesystem::temp_directory_path() / ("liveml-clip-bench-" + name);
    clip::save_clip_model(*model, dir);
    model->to(device);
    const auto mine = ours(*model, device, args.iters);
    const auto theirs = args.python && !device.is_cuda() ? python_side(dir, args) : nullptr;
    std::filesystem::remove_all(dir);
    for (const char* tower : {"image", "text"})
        for (const char* batch : {"1", "64"}) {
            const double a = mine[tower][batch];
            std::printf("| %s | %s | %s | %.1f |", name.c_str(), tower, batch, a);
            if (theirs.is_object()) {
                const double b = theirs[tower][batch];
                std::printf(" %.1f | %.2fx |\n", b, a / b);
            } else {
                std::printf(" - | - |\n");
            }
        }
}

void retrieval_rows(std::size_t dim) {
    std::mt19937 rng(1);
    std::normal_distribution<float> normal;
    for (const std::size_t size : {1'000u, 10'000u, 100'000u}) {
        retrieval::Matrix gallery{size, dim, std::vector<float>(size * dim)};
        for (auto& v : gallery.data)
            v = normal(rng);
        retrieval::VectorIndex index(dim);
        index.add(gallery, std::vector<retrieval::ItemMeta>(size));
        std::vector<double> faiss_ms, exact_ms;
        constexpr int kQueries = 50;
        for (int q = 0; q < kQueries; ++q) {
            retrieval::Matrix query{1, dim, std::vector<float>(dim)};
            for (auto& v : query.data)
                v = normal(rng);
            auto t0 = Clock::now();
            index.search(query, 10);
            faiss_ms.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            t0 = Clock::now();
            index.search_exact(query, 10);
            exact_ms.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
        const auto f = retrieval::summarize_latencies(faiss_ms);
        const auto e = retrieval::summarize_latencies(exact_ms);
        std::printf("| %zu | %zu | %.3f | %.3f | %.3f | %.3f |\n", size, dim, f.p50_ms, f.p95_ms,
                    e.p50_ms, e.p95_ms);
    }
}

} // namespace

int main(int argc, char** argv) {
    Args args;
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // rows appear as they are measured
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--threads" && has_value)
            args.threads = std::stoi(argv[++i]);
        else if (a == "--iters" && has_value)
            args.iters = std::stoi(argv[++i]);
        else if (a == "--device" && has_value)
            args.device = argv[++i];
        else if (a == "--skip-python")
            args.python = false;
        else {
            std::cerr << "usage: clip_embed_bench [--threads N] [--iters N] [--device D] "
                         "[--skip-python]\n";
            return 2;
        }
    }
    try {
        const auto device = clip::apply_runtime({args.device, args.threads});
        std::printf("CLIP embedding throughput, %s, %d thread(s); Python torch %s\n\n",
                    device.str().c_str(), args.threads,
                    device.is_cuda() ? "skipped on CUDA here" : "on the same CPU threads");
        std::printf("| model | tower | batch | ours /s | python torch /s | ratio |\n"
                    "|---|---|---|---|---|---|\n");
        auto small = clip::small_cnn_config(1024, 1022, 1023, 28, 1);
        embedding_rows("small-cnn", small, args, device);
        embedding_rows("vit-b32", clip::vit_b32_config(), args, device);
        std::printf("\nText -> image query latency (top-10, ms), random unit vectors\n\n"
                    "| gallery | dim | index p50 | index p95 | brute force p50 | brute force "
                    "p95 |\n|---|---|---|---|---|---|\n");
        retrieval_rows(512);
    } catch (const std::exception& e) {
        std::cerr << "clip_embed_bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
