// CLIP embedding throughput (images/s, texts/s) of our LibTorch engine vs the same architecture
// and weights in Python torch, measured in the same run: our small default model at batch 1
// and 64, and a random ViT-B/32 at batch 1, 8 and 64 (--batches replaces both lists). A
// ViT-B/32 batch of 64 takes seconds per call on CPU, so that cell times one call after one
// warm-up call instead of calls for a time budget. Texts are 77 tokens with the end token
// last, and short captions: 12 tokens, then padding to 77. --precision bf16 runs our forward
// under bf16 autocast (the Python columns stay fp32).
//   bench_clip_embed [--threads N] [--seconds S] [--device cpu|cuda] [--skip-python]
//                    [--models small-cnn,vit-b32] [--batches 1,64,…] [--precision fp32|bf16]
#include "clip/autocast_scope.hpp"
#include "clip/clip_runtime.hpp"
#include "clip/model_io.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace liveml;
using Clock = std::chrono::steady_clock;

struct Args {
    int threads = 2;
    double seconds = 2; // timing budget per cell
    std::string device = "cpu";
    bool python = true;
    std::vector<std::string> models{"small-cnn", "vit-b32"};
    std::vector<int> batches; // empty: each model's own list
    bool bf16 = false;
};

struct ModelCase {
    std::string name;
    clip::ClipConfig config;
    std::vector<int> batches;
    // Batches this large or larger are timed as one call after a warm-up call (0: none).
    int single_call_from = 0;

    bool single_call(int batch) const { return single_call_from > 0 && batch >= single_call_from; }
};

constexpr int kShortTokens = 12; // a typical caption, end token included
// The reference skips a model's larger batches once one batch-1 call takes this long.
constexpr double kPythonMaxCallSeconds = 5;

// Items per second: one cold call, then repeated calls until `seconds` have passed. A cold
// call that alone exceeds the budget is the measurement (ViT-B/32 on the reference BLAS).
// `single_call`: the cold call only warms up, and one more call is the measurement.
double per_second(const std::function<void()>& fn, int batch, double seconds, bool cuda,
                  bool single_call) {
    const auto sync = [cuda] {
        if (cuda) torch::cuda::synchronize();
    };
    auto start = Clock::now();
    fn();
    sync();
    double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (single_call) {
        start = Clock::now();
        fn();
        sync();
        return batch / std::chrono::duration<double>(Clock::now() - start).count();
    }
    if (elapsed >= seconds) return batch / elapsed;
    int calls = 0;
    start = Clock::now();
    do {
        fn();
        sync();
        ++calls;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds);
    return batch * calls / elapsed;
}

// [batch, 77] ids: random tokens, the end token at `eos_at`, padding (id 0) after it.
torch::Tensor text_ids(const clip::TextConfig& t, int batch, std::int64_t eos_at) {
    auto ids = torch::randint(0, t.vocab_size - 1, {batch, t.max_position_embeddings});
    ids.index_put_({torch::indexing::Slice(), eos_at}, t.eos_token_id);
    ids.index_put_({torch::indexing::Slice(), torch::indexing::Slice(eos_at + 1)}, 0);
    return ids;
}

nlohmann::json ours(clip::ClipModelImpl& model, const ModelCase& mc, const Args& args,
                    const torch::Device& device) {
    const auto& c = model.config();
    nlohmann::json out;
    torch::NoGradGuard no_grad;
    const clip::AutocastScope autocast(device, args.bf16);
    model.eval();
    torch::manual_seed(0);
    const bool cuda = device.is_cuda();
    for (const int batch : mc.batches) {
        const auto key = std::to_string(batch);
        const auto pixels =
            torch::randn({batch, c.vision.num_channels, c.vision.image_size, c.vision.image_size})
                .to(device);
        const auto full = text_ids(c.text, batch, c.text.max_position_embeddings - 1).to(device);
        const auto shorter = text_ids(c.text, batch, kShortTokens - 1).to(device);
        const auto rate = [&](const std::function<void()>& fn) {
            return per_second(fn, batch, args.seconds, cuda, mc.single_call(batch));
        };
        out["image"][key] = rate([&] { model.encode_image(pixels); });
        out["text"][key] = rate([&] { model.encode_text(full); });
        out["text_short"][key] = rate([&] { model.encode_text(shorter); });
    }
    return out;
}

std::string join(const std::vector<int>& values) {
    std::string out;
    for (const auto v : values)
        out += (out.empty() ? "" : ",") + std::to_string(v);
    return out;
}

nlohmann::json python_side(const std::filesystem::path& dir, const ModelCase& mc,
                           const Args& args) {
    const auto cmd =
        std::string(LIVEML_PYTHON) + " " + LIVEML_BENCH_DIR + "/clip_torch_bench.py " +
        LIVEML_CLIP_REFERENCE + " " + dir.string() + " " + std::to_string(args.threads) + " " +
        std::to_string(args.seconds) + " " + join(mc.batches) + " " + std::to_string(kShortTokens) +
        " " + std::to_string(kPythonMaxCallSeconds) + " " + std::to_string(mc.single_call_from);
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return nullptr;
    std::string text;
    char buf[4096];
    while (const auto n = fread(buf, 1, sizeof buf, pipe))
        text.append(buf, n);
    if (pclose(pipe) != 0) {
        std::cerr << "bench_clip_embed: the Python reference failed: " << cmd << '\n';
        return nullptr;
    }
    return nlohmann::json::parse(text, nullptr, false);
}

std::string cell(const nlohmann::json& j) {
    if (!j.is_number()) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", j.get<double>());
    return buf;
}

std::string ratio(const nlohmann::json& a, const nlohmann::json& b) {
    if (!a.is_number() || !b.is_number()) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2fx", a.get<double>() / b.get<double>());
    return buf;
}

void embedding_rows(const ModelCase& mc, const Args& args, const torch::Device& device) {
    torch::manual_seed(0);
    clip::ClipModel model(mc.config);
    const auto dir = std::filesystem::temp_directory_path() / ("liveml-clip-bench-" + mc.name);
    clip::save_clip_model(*model, dir);
    model->to(device);
    const auto mine = ours(*model, mc, args, device);
    const auto theirs = args.python && !device.is_cuda() ? python_side(dir, mc, args) : nullptr;
    std::filesystem::remove_all(dir);
    const auto at = [](const nlohmann::json& j, const char* a, const char* b,
                       const std::string& c) -> nlohmann::json {
        if (!j.is_object() || !j.contains(a) || !j[a].contains(b) || !j[a][b].contains(c))
            return nullptr;
        return j[a][b][c];
    };
    const std::pair<const char*, const char*> rows[] = {
        {"image", "image"}, {"text", "text, 77 tokens"}, {"text_short", "text, 12 + pad to 77"}};
    for (const auto& [tower, label] : rows)
        for (const int batch : mc.batches) {
            const auto key = std::to_string(batch);
            const auto a = mine[tower][key];
            const auto plain = at(theirs, "plain", tower, key);
            const auto onednn = at(theirs, "onednn", tower, key);
            const auto batch_label =
                std::to_string(batch) + (mc.single_call(batch) ? " (1 timed call)" : "");
            std::printf("| %s | %s | %s | %s | %s | %s | %s | %s |\n", mc.name.c_str(), label,
                        batch_label.c_str(), cell(a).c_str(), cell(plain).c_str(),
                        ratio(a, plain).c_str(), cell(onednn).c_str(), ratio(a, onednn).c_str());
        }
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const auto end = std::min(text.find(',', begin), text.size());
        out.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return out;
}

Args parse_args(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--threads" && has_value)
            args.threads = std::stoi(argv[++i]);
        else if (a == "--seconds" && has_value)
            args.seconds = std::stod(argv[++i]);
        else if (a == "--device" && has_value)
            args.device = argv[++i];
        else if (a == "--models" && has_value)
            args.models = split(argv[++i]);
        else if (a == "--batches" && has_value)
            for (const auto& b : split(argv[++i]))
                args.batches.push_back(std::stoi(b));
        else if (a == "--precision" && has_value) {
            const std::string p = argv[++i];
            if (p != "fp32" && p != "bf16")
                throw std::invalid_argument("--precision must be fp32 or bf16");
            args.bf16 = p == "bf16";
        } else if (a == "--skip-python")
            args.python = false;
        else
            throw std::invalid_argument("unknown argument '" + a + "'");
    }
    for (const int b : args.batches)
        if (b < 1) throw std::invalid_argument("--batches must be positive");
    if (args.threads < 1 || args.seconds <= 0)
        throw std::invalid_argument("--threads must be positive and --seconds > 0");
    for (const auto& m : args.models)
        if (m != "small-cnn" && m != "vit-b32")
            throw std::invalid_argument("unknown model '" + m + "' (small-cnn, vit-b32)");
    return args;
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // rows appear as they are measured
    try {
        const auto args = parse_args(argc, argv);
        const auto device =
            clip::apply_runtime({args.device, args.threads, args.bf16 ? "bf16" : "fp32"});
        std::printf("CLIP embedding throughput (items/s), %s, %s, %d thread(s), %g s per cell; "
                    "Python torch %s\n\n",
                    device.str().c_str(), args.bf16 ? "bf16 autocast" : "fp32", args.threads,
                    args.seconds,
                    device.is_cuda() ? "skipped on CUDA here" : "on the same CPU threads");
        std::printf("| model | input | batch | ours /s | python torch /s | ratio | python torch + "
                    "oneDNN linear /s | ratio |\n|---|---|---|---|---|---|---|---|\n");
        const auto batches = [&](std::vector<int> own) {
            return args.batches.empty() ? own : args.batches;
        };
        for (const auto& name : args.models) {
            if (name == "small-cnn")
                embedding_rows(
                    {name, clip::small_cnn_config(1024, 1022, 1023, 28, 1), batches({1, 64})},
                    args, device);
            else
                // Seconds per batch of 64 on CPU; on a GPU it is milliseconds, so timed as usual.
                embedding_rows({name, clip::vit_b32_config(), batches({1, 8, 64}),
                                device.is_cuda() ? 0 : 64},
                               args, device);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_clip_embed: " << e.what()
                  << "\nusage: bench_clip_embed [--threads N] [--seconds S] [--device cpu|cuda] "
                     "[--models small-cnn,vit-b32] [--batches 1,64,…] [--precision fp32|bf16] "
                     "[--skip-python]\n";
        return 1;
    }
    return 0;
}
