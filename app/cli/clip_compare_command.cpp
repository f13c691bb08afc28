// liveml clip compare: every model measured in one run on the same inputs — size, encoder
// latency and throughput, zero-shot and retrieval quality — relative to the first model.
#include "clip/clip_encoder.hpp"
#include "clip/model_comparison.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "compare_table.hpp"
#include "dataset_flags.hpp"
#include "help_footer.hpp"
#include "json_output.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>

namespace liveml::cli {
namespace {

// The JSON names the large batch b64; --batch is not offered so the keys stay true.
constexpr std::size_t kLargeBatch = 64;

struct CompareArgs {
    std::vector<std::string> models;
    DatasetFlags data{.name = "fashion-mnist"};
    clip::TimingOptions timing{.large_batch = kLargeBatch};
    bool markdown = false;
    bool csv = false;
    ClipJobFlags flags;
};

std::string latency_json(const retrieval::LatencyStats& s) {
    JsonObject o;
    o.add("p50", s.p50_ms).add("p95", s.p95_ms);
    return o.str();
}

std::string tower_latency_json(const clip::TowerLatency& t) {
    JsonObject o;
    o.add_raw("b1", latency_json(t.b1)).add_raw("b64", latency_json(t.large));
    return o.str();
}

// Items per second: the batch over the mean time of one call.
double throughput(const retrieval::LatencyStats& s, std::size_t batch) {
    return s.mean_ms > 0 ? static_cast<double>(batch) * 1000.0 / s.mean_ms : 0.0;
}

std::string recall_json(const retrieval::RankingMetrics& m) {
    JsonObject o;
    o.add("R@1", m.recall_at_1).add("R@5", m.recall_at_5).add("R@10", m.recall_at_10);
    return o.str();
}

std::string model_json(const clip::ModelMeasurement& m, const clip::RelativeFigures& rel) {
    JsonObject params, latency, through, speedup, zeroshot, retrieval, retained;
    params.add("image", m.params.image).add("text", m.params.text).add("total", m.params.total);
    latency.add_raw("image", tower_latency_json(m.image))
        .add_raw("text", tower_latency_json(m.text));
    through.add("image_b1", throughput(m.image.b1, 1))
        .add("image_b64", throughput(m.image.large, kLargeBatch))
        .add("text_b1", throughput(m.text.b1, 1))
        .add("text_b64", throughput(m.text.large, kLargeBatch));
    speedup.add("image_b1", rel.speedup_image_b1)
        .add("image_b64", rel.speedup_image_large)
        .add("text_b1", rel.speedup_text_b1)
        .add("text_b64", rel.speedup_text_large);
    const auto& q = m.quality;
    zeroshot.add("top1", q.zeroshot.top1)
        .add("top5", q.zeroshot.top5)
        .add("mean_per_class_recall", q.zeroshot.mean_per_class_recall);
    retrieval.add_raw("t2i", recall_json(q.text_to_image))
        .add_raw("i2t", recall_json(q.image_to_text))
        .add("map", (q.text_to_image.map + q.image_to_text.map) / 2);
    for (const auto& [name, percent] : rel.retained_percent)
        retained.add(name, percent);
    JsonObject o;
    o.add("model", m.model.string())
        .add_raw("params", params.str())
        .add("size_mb", static_cast<double>(m.size_bytes) / 1e6)
        .add("compression", rel.compression)
        .add_raw("latency_ms", latency.str())
        .add_raw("throughput", through.str())
        .add_raw("speedup", speedup.str())
        .add_raw("zeroshot", zeroshot.str())
        .add_raw("retrieval", retrieval.str())
        .add_raw("retained", retained.str());
    return o.str();
}

void run_compare(const CompareArgs& args) {
    run_clip_job("compare", args.flags, [&](JobReporter& reporter) {
        const auto started = std::chrono::steady_clock::now();
        const auto data =
            clip::load_labelled_split(args.data.name, args.data.split, args.data.max_items);
        const auto total = static_cast<std::int64_t>(args.models.size());
        std::vector<clip::ModelMeasurement> measured;
        std::string device;
        for (std::int64_t i = 0; i < total; ++i) {
            const auto& dir = args.models[static_cast<std::size_t>(i)];
            reporter.progress("load", i, total);
            // One model in memory at a time: a large teacher and its student need not fit
            // together.
            const auto encoder = clip::ClipEncoder::load(dir, args.flags.runtime);
            device = encoder.device();
            measured.push_back(
                clip::measure_model(dir, encoder, data, args.timing, [&](const std::string& phase) {
                    reporter.progress(phase, i, total);
                }));
        }
        const auto threads = static_cast<std::int64_t>(args.flags.runtime.threads);
        const std::string setting = "device " + device + ", " + std::to_string(threads) +
                                    " threads, " + std::to_string(args.timing.warmup) +
                                    " warm-up + " + std::to_string(args.timing.runs) +
                                    " timed calls per figure, " + std::to_string(data.size()) +
                                    " " + args.data.name + "/" + args.data.split + " images";
        if (args.markdown || args.csv) {
            const auto rows = compare_rows(measured);
            std::cout << (args.markdown ? "Measured on " + setting + ".\n\n" + markdown_table(rows)
                                        : csv_table(rows))
                      << std::flush;
            if (args.csv) reporter.note(setting);
            return;
        }
        std::string models = "[";
        for (const auto& m : measured)
            models += (models.size() > 1 ? "," : "") +
                      model_json(m, clip::relative_to(measured.front(), m));
        models += "]";
        JsonObject fields;
        fields.add_raw("models", models)
            .add("dataset", args.data.name)
            .add("split", args.data.split)
            .add("images", static_cast<std::uint64_t>(data.size()))
            .add("device", device)
            .add("threads", threads)
            .add("warmup", static_cast<std::uint64_t>(args.timing.warmup))
            .add("runs", static_cast<std::uint64_t>(args.timing.runs))
            .add("seconds",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        reporter.result(fields);
    });
}

} // namespace

void register_clip_compare(CLI::App& clip) {
    auto args = std::make_shared<CompareArgs>();
    auto* cmd = clip.add_subcommand(
        "compare", "Parameters, size, latency (batch 1 and 64), throughput, speed-up, zero-shot "
                   "and retrieval quality of several models, relative to the first");
    cmd->add_option("--model", args->models, "model directory (repeat; the first is the reference)")
        ->required()
        ->check(CLI::ExistingDirectory);
    args->data.add_to(*cmd, {});
    cmd->add_option("--runs", args->timing.runs, "timed calls per latency figure")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--warmup", args->timing.warmup, "untimed calls before timing")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
    auto* markdown = cmd->add_flag("--markdown", args->markdown, "print a Markdown table");
    auto* csv = cmd->add_flag("--csv", args->csv, "print CSV, one row per model");
    args->flags.add_to(*cmd);
    auto* json = cmd->get_option("--json");
    markdown->excludes(csv)->excludes(json);
    csv->excludes(json);
    cmd->footer(help_footer(
        "  liveml-clip compare --model teacher --model student --dataset fashion-mnist --json\n"
        "  liveml clip compare --model a --model b --max-items 2000 --markdown\n"));
    cmd->callback([args] { run_compare(*args); });
}

} // namespace liveml::cli
