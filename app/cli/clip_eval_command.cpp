// liveml clip eval: zero-shot accuracy, retrieval metrics and query latency on a built-in
// labelled split.
#include "clip/clip_encoder.hpp"
#include "clip/clip_evaluation.hpp"
#include "clip_commands.hpp"
#include "clip_job.hpp"
#include "dataset_flags.hpp"
#include "help_footer.hpp"
#include "json_output.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <memory>

namespace liveml::cli {
namespace {

struct EvalArgs {
    ModelFlags model;
    DatasetFlags data{.name = "fashion-mnist"};
    std::size_t latency_queries = 200;
    ClipJobFlags flags;
};

std::string direction_json(const retrieval::RankingMetrics& m) {
    JsonObject o;
    o.add("R@1", m.recall_at_1)
        .add("R@5", m.recall_at_5)
        .add("R@10", m.recall_at_10)
        .add("P@10", m.precision_at_k)
        .add("mrr", m.mrr)
        .add("map", m.map)
        .add("ndcg@10", m.ndcg_at_10)
        .add("mean_rank", m.mean_rank)
        .add("median_rank", m.median_rank)
        .add("queries", static_cast<std::uint64_t>(m.queries));
    return o.str();
}

void run_eval(const EvalArgs& args) {
    run_clip_job("eval", args.flags, [&](JobReporter& reporter) {
        const auto started = std::chrono::steady_clock::now();
        constexpr std::int64_t kPhases = 5;
        std::int64_t done = 0;
        reporter.progress("load", done++, kPhases);
        const auto encoder =
            clip::ClipEncoder::load(args.model.dir, args.flags.runtime, args.model.adapter);
        const auto data =
            clip::load_labelled_split(args.data.name, args.data.split, args.data.max_items);
        const auto report =
            clip::evaluate(encoder, data, args.latency_queries, [&](const std::string& phase) {
                reporter.progress(phase, done++, kPhases);
            });
        const auto& t2i = report.text_to_image;
        const auto& i2t = report.image_to_text;
        JsonObject zeroshot;
        zeroshot.add("top1", report.zeroshot.top1)
            .add("top5", report.zeroshot.top5)
            .add("mean_per_class_recall", report.zeroshot.mean_per_class_recall)
            .add("per_class_recall", std::span<const double>(report.zeroshot.per_class_recall))
            .add_raw("confusion", confusion_json(report.zeroshot.confusion));
        JsonObject retrieval;
        retrieval.add_raw("t2i", direction_json(t2i))
            .add_raw("i2t", direction_json(i2t))
            .add("mrr", (t2i.mrr + i2t.mrr) / 2)
            .add("map", (t2i.map + i2t.map) / 2)
            .add("ndcg@10", (t2i.ndcg_at_10 + i2t.ndcg_at_10) / 2)
            .add("relevance", "class");
        JsonObject latency;
        latency.add("p50", report.latency.p50_ms)
            .add("p95", report.latency.p95_ms)
            .add("mean", report.latency.mean_ms)
            .add("queries", static_cast<std::uint64_t>(report.latency.count));
        JsonObject fields;
        fields.add_raw("zeroshot", zeroshot.str())
            .add_raw("retrieval", retrieval.str())
            .add_raw("latency_ms", latency.str())
            .add("qps", report.latency.qps)
            .add("model", args.model.dir)
            .add("dataset", args.data.name)
            .add("split", args.data.split)
            .add("images", static_cast<std::uint64_t>(report.images))
            .add("captions", static_cast<std::uint64_t>(report.captions))
            .add("device", encoder.device())
            .add("seconds",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        reporter.result(fields);
    });
}

} // namespace

void register_clip_eval(CLI::App& clip) {
    auto args = std::make_shared<EvalArgs>();
    auto* cmd = clip.add_subcommand(
        "eval", "Zero-shot top-1/top-5, retrieval R@K/MRR/mAP/NDCG@10 and query latency");
    args->model.add_to(*cmd);
    args->data.add_to(*cmd, {});
    cmd->add_option("--latency-queries", args->latency_queries,
                    "text queries timed one by one (encode + top-10 search)")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    args->flags.add_to(*cmd);
    args->flags.add_devices_to(*cmd);
    cmd->footer(help_footer(
        "  liveml-clip eval --model model --dataset fashion-mnist --split test --json\n"));
    cmd->callback([args] { run_eval(*args); });
}

} // namespace liveml::cli
