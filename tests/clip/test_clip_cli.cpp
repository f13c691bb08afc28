// The `liveml clip` jobs as the studio runs them: child processes speaking JSON lines.
#include "liveml_job.hpp"

#include <fstream>
#include <set>

namespace {

using namespace liveml::clip_test;

// One model trained once (interrupted by SIGTERM, then resumed) serves every test below.
class ClipCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        model_ = test_dir("cli-model");
        // 6,400 items in batches of 64: 100 steps, enough to interrupt after the first report.
        const std::vector<std::string> args{"clip",         "train",
                                            "--dataset",    "fashion-mnist",
                                            "--out",        model_.string(),
                                            "--epochs",     "1",
                                            "--batch-size", "64",
                                            "--max-items",  "6400",
                                            "--threads",    "1",
                                            "--json"};
        Job first(args);
        ASSERT_TRUE(first.reached_phase("train", std::chrono::seconds(90)))
            << "no training progress within the deadline";
        const auto term_at = Clock::now();
        first.signal(SIGTERM);
        const auto rest = first.events(std::chrono::seconds(30));
        const int code = first.wait_exit(std::chrono::seconds(10));
        stop_seconds_ = std::chrono::duration<double>(Clock::now() - term_at).count();
        stop_exit_ = code;
        if (!rest.empty()) stop_result_ = rest.back();
        std::ifstream state(model_ / "training_state.json");
        if (state) state >> checkpoint_;

        auto resume_args = args;
        resume_args.push_back("--resume");
        resumed_ = run_to_result(resume_args);
    }

    static inline fs::path model_;
    static inline double stop_seconds_ = 0;
    static inline int stop_exit_ = -1;
    static inline json stop_result_, checkpoint_, resumed_;
};

TEST_F(ClipCli, SigtermStopsQuicklyWithAResumableCheckpoint) {
    EXPECT_EQ(stop_exit_, 130);
    EXPECT_LT(stop_seconds_, 3.0);
    EXPECT_EQ(stop_result_["event"], "result");
    EXPECT_EQ(stop_result_["stopped"], true);
    ASSERT_TRUE(checkpoint_.is_object());
    const auto step = checkpoint_["step"].get<int>();
    EXPECT_GT(step, 0);
    EXPECT_LT(step, checkpoint_["total"].get<int>());
    EXPECT_EQ(stop_result_["step"], step);
}

TEST_F(ClipCli, ResumeContinuesFromTheCheckpoint) {
    EXPECT_EQ(resumed_["event"], "result");
    EXPECT_EQ(resumed_["start_step"], checkpoint_["step"]);
    EXPECT_EQ(resumed_["step"], resumed_["total"]);
    EXPECT_EQ(resumed_["stopped"], false);
}

std::set<std::string> keys(const json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items())
        out.insert(key);
    return out;
}

// The keys (zero-shot, retrieval R@K/MRR/mAP/NDCG@10, latency, qps) plus P@10 and the
// run's context, exactly: the studio parses this object (docs/job-protocol.md).
TEST_F(ClipCli, EvalJsonHasExactlyTheDocumentedKeys) {
    const auto r = run_to_result({"clip", "eval", "--model", model_.string(), "--dataset",
                                  "fashion-mnist", "--split", "test", "--max-items", "600",
                                  "--latency-queries", "20", "--json"});
    ASSERT_EQ(r["event"], "result") << r.dump();
    using Keys = std::set<std::string>;
    EXPECT_EQ(keys(r), (Keys{"event", "zeroshot", "retrieval", "latency_ms", "qps", "model",
                             "dataset", "split", "images", "captions", "device", "seconds"}));
    EXPECT_EQ(keys(r["zeroshot"]), (Keys{"top1", "top5", "mean_per_class_recall",
                                         "per_class_recall", "confusion"}));
    // The confusion matrix counts every image once: ten rows of ten for Fashion-MNIST.
    std::uint64_t images = 0;
    ASSERT_EQ(r["zeroshot"]["confusion"].size(), 10u);
    for (const auto& row : r["zeroshot"]["confusion"]) {
        ASSERT_EQ(row.size(), 10u);
        for (const auto& cell : row)
            images += cell.get<std::uint64_t>();
    }
    EXPECT_EQ(images, r["images"].get<std::uint64_t>());
    EXPECT_EQ(keys(r["retrieval"]), (Keys{"t2i", "i2t", "mrr", "map", "ndcg@10", "relevance"}));
    const Keys direction{"R@1", "R@5",     "R@10",      "P@10",        "mrr",
                         "map", "ndcg@10", "mean_rank", "median_rank", "queries"};
    EXPECT_EQ(keys(r["retrieval"]["t2i"]), direction);
    EXPECT_EQ(keys(r["retrieval"]["i2t"]), direction);
    EXPECT_EQ(keys(r["latency_ms"]), (Keys{"p50", "p95", "mean", "queries"}));
    const auto fraction = [](const json& v) {
        return v.is_number() && v.get<double>() >= 0 && v.get<double>() <= 1;
    };
    for (const char* k : {"top1", "top5", "mean_per_class_recall"})
        EXPECT_TRUE(fraction(r["zeroshot"][k])) << k;
    for (const char* dir : {"t2i", "i2t"})
        for (const char* k : {"R@1", "R@5", "R@10", "P@10", "mrr", "map", "ndcg@10"})
            EXPECT_TRUE(fraction(r["retrieval"][dir][k])) << dir << k;
    EXPECT_LE(r["retrieval"]["t2i"]["R@1"], r["retrieval"]["t2i"]["R@5"]);
    EXPECT_LE(r["retrieval"]["t2i"]["R@5"], r["retrieval"]["t2i"]["R@10"]);
    EXPECT_EQ(r["images"], 600);
    EXPECT_LE(r["latency_ms"]["p50"], r["latency_ms"]["p95"]);
    EXPECT_EQ(r["latency_ms"]["queries"], 20);
    EXPECT_GT(r["qps"].get<double>(), 0);
    // One short epoch already separates the classes far better than chance (10%).
    EXPECT_GT(r["zeroshot"]["top1"].get<double>(), 0.3);
}

// zeroshot --dataset reports accuracy only: its phases skip eval's retrieval and latency work.
TEST_F(ClipCli, ZeroShotOnADatasetComputesOnlyWhatItReports) {
    Job job({"clip", "zeroshot", "--model", model_.string(), "--dataset", "fashion-mnist",
             "--max-items", "300", "--json"});
    const auto events = job.events(std::chrono::seconds(60));
    EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 0);
    ASSERT_FALSE(events.empty());
    std::vector<std::string> phases;
    for (const auto& e : events)
        if (e["event"] == "progress") phases.push_back(e["phase"]);
    EXPECT_EQ(phases, (std::vector<std::string>{"load", "embed-images", "zeroshot"}));
    const auto& r = events.back();
    EXPECT_EQ(r["event"], "result");
    EXPECT_EQ(r["images"], 300);
    EXPECT_EQ(r["per_class_recall"].size(), 10u);
    EXPECT_GT(r["top1"].get<double>(), 0.3);
}

void write_pgm(const fs::path& path, int seed) {
    std::ofstream out(path, std::ios::binary);
    out << "P5\n28 28\n255\n";
    for (int i = 0; i < 28 * 28; ++i)
        out.put(static_cast<char>((i * seed) % 256));
}

TEST_F(ClipCli, FolderIndexIsIncrementalAndSearchable) {
    const auto gallery = test_dir("cli-gallery");
    const auto index = test_dir("cli-index") / "idx";
    for (int i = 1; i <= 3; ++i)
        write_pgm(gallery / ("img" + std::to_string(i) + ".pgm"), i);
    const std::vector<std::string> args{"clip",          "index",          "--model",
                                        model_.string(), "--index",        index.string(),
                                        "--gallery",     gallery.string(), "--json"};
    auto r = run_to_result(args);
    EXPECT_EQ(r["added"], 3);
    EXPECT_EQ(r["size"], 3);
    fs::remove(gallery / "img2.pgm");
    write_pgm(gallery / "img4.pgm", 4);
    r = run_to_result(args);
    EXPECT_EQ(r["added"], 1);
    EXPECT_EQ(r["removed"], 1);
    EXPECT_EQ(r["unchanged"], 2);
    EXPECT_EQ(r["size"], 3);

    std::ofstream(gallery / "captions.txt") << "a photo of a bag.\na photo of a sneaker.\n";
    r = run_to_result({"clip", "search", "--model", model_.string(), "--index", index.string(),
                       "--text", "a photo of a shirt.", "--image", (gallery / "img1.pgm").string(),
                       "--captions", (gallery / "captions.txt").string(), "--top-k", "2",
                       "--json"});
    ASSERT_EQ(r["results"].size(), 2u) << r.dump();
    EXPECT_EQ(r["results"][0]["images"].size(), 2u);
    EXPECT_EQ(r["results"][1]["captions"].size(), 2u);
    EXPECT_EQ(r["results"][1]["images"][0]["path"], "img1.pgm"); // an image finds itself
}

TEST_F(ClipCli, ErrorsAreJsonEventsWithExitCodes) {
    auto r = run_to_result({"clip", "eval", "--model", "/nonexistent", "--json"}, 1);
    EXPECT_EQ(r["event"], "error");
    EXPECT_NE(r["message"].get<std::string>().find("/nonexistent"), std::string::npos);
    r = run_to_result({"clip", "eval", "--model", model_.string(), "--device", "tpu", "--json"}, 2);
    EXPECT_EQ(r["event"], "error");
}

// Every job takes --device; a GPU that is not there (none at all in a CPU-only LibTorch) is an
// error event naming it, exit 1, and a misspelt device is a usage error, exit 2.
TEST_F(ClipCli, EveryJobRejectsAMissingOrMisspeltDevice) {
    const auto m = model_.string();
    const auto scratch = test_dir("cli-device");
    const std::vector<std::vector<std::string>> jobs{
        {"clip", "train", "--dataset", "digits", "--out", (scratch / "model").string()},
        {"clip", "eval", "--model", m, "--dataset", "digits"},
        {"clip", "zeroshot", "--model", m, "--dataset", "digits"},
        {"clip", "index", "--model", m, "--index", (scratch / "index").string(), "--dataset",
         "digits"},
        {"clip", "search", "--model", m, "--index", (scratch / "index").string(), "--text", "a"},
        {"clip", "embed", "--model", m, "--inputs", (scratch / "in").string(), "--out",
         (scratch / "out").string()}};
    expect_device_errors(jobs);
}

} // namespace
