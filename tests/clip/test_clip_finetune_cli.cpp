// `liveml clip finetune` as a user runs it: a Fashion-MNIST base adapted to a few digits per
// class with LoRA (base frozen, adapters in PEFT's layout, base vs tuned zero-shot on both
// sets), merged into an ordinary model that `clip zeroshot` scores exactly as the job said,
// SIGTERM then --resume, full fine-tuning for comparison, and usage errors.
#include "liveml_job.hpp"

#include <fstream>
#include <set>

namespace {

using namespace liveml::clip_test;

json read_json(const fs::path& path) {
    std::ifstream in(path);
    return json::parse(in);
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

class FinetuneCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        root_ = test_dir("finetune-cli");
        base_ = root_ / "base";
        const auto trained = run_to_result({"clip", "train", "--dataset", "fashion-mnist",
                                            "--out", base_.string(), "--epochs", "2",
                                            "--batch-size", "64", "--max-items", "4096",
                                            "--threads", "1", "--json"});
        ASSERT_EQ(trained["event"], "result") << trained.dump();
        base_weights_ = file_bytes(base_ / "model.safetensors");
        Job job(finetune_args(root_ / "adapter"));
        events_ = job.events(std::chrono::seconds(240));
        exit_ = job.wait_exit(std::chrono::seconds(10));
    }

    // A base that tells Fashion-MNIST classes apart (~0.7 zero-shot top-1) but never saw a digit.
    static std::vector<std::string> finetune_args(const fs::path& out,
                                                  std::vector<std::string> extra = {},
                                                  const std::string& epochs = "10") {
        // 8 digits per class: 80 items, 2 steps of 32 per epoch.
        std::vector<std::string> args{"clip",       "finetune",         "--base",
                                      base_.string(), "--dataset",      "digits",
                                      "--shots",    "8",                "--epochs",
                                      epochs,       "--batch-size",     "32",
                                      "--lora-dropout", "0",            "--eval-items",
                                      "200",        "--out",            out.string(),
                                      "--threads",  "1",                "--json"};
        args.insert(args.end() - 1, extra.begin(), extra.end());
        return args;
    }

    static inline fs::path root_, base_;
    static inline std::string base_weights_;
    static inline std::vector<json> events_;
    static inline int exit_ = -1;
};

TEST_F(FinetuneCli, AdaptersLearnTheNewDataWithTheBaseFrozen) {
    ASSERT_EQ(exit_, 0);
    std::vector<double> losses;
    for (const auto& e : events_)
        if (e["event"] == "progress" && e["phase"] == "train") losses.push_back(e["loss"]);
    ASSERT_GE(losses.size(), 2u);
    EXPECT_LT(losses.back(), losses.front());

    const auto& r = events_.back();
    ASSERT_EQ(r["event"], "result") << r.dump();
    EXPECT_EQ(r["items"], 80);
    EXPECT_EQ(r["step"], 20);
    EXPECT_EQ(r["full"], false);
    // Default targets q,v,head on both towers: q and v of each text layer, the CNN's fc.
    const auto config = read_json(base_ / "config.json");
    const int text_layers = config["text_config"]["num_hidden_layers"];
    EXPECT_EQ(r["adapted_layers"], 2 * text_layers + 1);
    EXPECT_GT(r["trainable_parameters"].get<std::int64_t>(), 0);
    EXPECT_LT(r["trainable_percent"].get<double>(), 10.0);
    // The source set comes from the base's training_state.json.
    EXPECT_EQ(r["target"]["dataset"], "digits");
    EXPECT_EQ(r["source"]["dataset"], "fashion-mnist");
    for (const char* side : {"target", "source"})
        for (const char* key : {"base_top1", "tuned_top1"}) {
            EXPECT_GE(r[side][key].get<double>(), 0.0) << side << key;
            EXPECT_LE(r[side][key].get<double>(), 1.0) << side << key;
        }
    EXPECT_GT(r["target"]["tuned_top1"].get<double>(), r["target"]["base_top1"].get<double>())
        << "eight digits per class should beat a model that never saw a digit";

    EXPECT_EQ(file_bytes(base_ / "model.safetensors"), base_weights_) << "the base is frozen";
    const auto adapter = read_json(root_ / "adapter" / "adapter_config.json");
    EXPECT_EQ(adapter["peft_type"], "LORA");
    EXPECT_EQ(adapter["r"], 8);
    EXPECT_EQ(adapter["lora_alpha"], 16.0);
    EXPECT_EQ(adapter["target_modules"], (json{"fc", "q_proj", "v_proj"}));
}

TEST_F(FinetuneCli, TheMergedModelScoresWhatTheJobReported) {
    ASSERT_EQ(exit_, 0);
    const auto merged = root_ / "merged";
    const auto m = run_to_result({"clip", "finetune", "--merge", "--base", base_.string(),
                                  "--adapter", (root_ / "adapter").string(), "--out",
                                  merged.string(), "--json"});
    ASSERT_EQ(m["event"], "result") << m.dump();
    const auto config = read_json(base_ / "config.json");
    EXPECT_EQ(m["merged_layers"], 2 * config["text_config"]["num_hidden_layers"].get<int>() + 1);
    EXPECT_GT(m["max_weight_change"].get<double>(), 0.0);
    for (const char* file : {"config.json", "model.safetensors", "vocab.json", "merges.txt"})
        EXPECT_TRUE(fs::exists(merged / file)) << file;
    const auto z = run_to_result({"clip", "zeroshot", "--model", merged.string(), "--dataset",
                                  "digits", "--max-items", "200", "--threads", "1", "--json"});
    ASSERT_EQ(z["event"], "result") << z.dump();
    EXPECT_NEAR(z["top1"].get<double>(), events_.back()["target"]["tuned_top1"].get<double>(),
                1e-9);
    // --adapter merges in memory: the same answer without writing a merged folder.
    const auto a = run_to_result({"clip", "zeroshot", "--model", base_.string(), "--adapter",
                                  (root_ / "adapter").string(), "--dataset", "digits",
                                  "--max-items", "200", "--threads", "1", "--json"});
    ASSERT_EQ(a["event"], "result") << a.dump();
    EXPECT_NEAR(a["top1"].get<double>(), z["top1"].get<double>(), 1e-9);
}

TEST_F(FinetuneCli, SigtermLeavesAResumableCheckpoint) {
    const auto out = root_ / "interrupted";
    const auto args = finetune_args(out, {}, "40");
    Job first(args);
    ASSERT_TRUE(first.reached_phase("train", std::chrono::seconds(120)));
    first.signal(SIGTERM);
    const auto rest = first.events(std::chrono::seconds(60));
    EXPECT_EQ(first.wait_exit(std::chrono::seconds(10)), 130);
    ASSERT_FALSE(rest.empty());
    EXPECT_EQ(rest.back()["stopped"], true);
    const auto state = read_json(out / "finetune_state.json");
    const auto step = state["step"].get<int>();
    EXPECT_GT(step, 0);
    EXPECT_LT(step, state["total"].get<int>());
    EXPECT_TRUE(fs::exists(out / "adapter_model.safetensors"));

    auto resume = args;
    resume.insert(resume.end() - 1, "--resume");
    const auto resumed = run_to_result(resume);
    EXPECT_EQ(resumed["start_step"], step);
    EXPECT_EQ(resumed["step"], resumed["total"]);
    EXPECT_EQ(resumed["stopped"], false);
    EXPECT_GE(resumed["target"]["tuned_top1"].get<double>(), 0.0);
}

TEST_F(FinetuneCli, FullFineTuningTrainsEveryWeightIntoAModelFolder) {
    const auto out = root_ / "full";
    const auto r = run_to_result(finetune_args(out, {"--full", "--lr", "1e-4"}));
    ASSERT_EQ(r["event"], "result") << r.dump();
    EXPECT_EQ(r["full"], true);
    EXPECT_EQ(r["adapted_layers"], 0);
    EXPECT_EQ(r["trainable_parameters"], r["total_parameters"]);
    EXPECT_EQ(r["model"], out.string());
    for (const char* file : {"config.json", "model.safetensors", "vocab.json", "merges.txt"})
        EXPECT_TRUE(fs::exists(out / file)) << file;
    EXPECT_NE(file_bytes(out / "model.safetensors"), base_weights_);
}

TEST_F(FinetuneCli, BadFlagsAreUsageErrors) {
    const auto check = [](std::vector<std::string> args, const std::string& fragment) {
        Job job(std::move(args));
        const auto events = job.events(std::chrono::seconds(60));
        EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 2) << fragment;
        (void)events;
    };
    check({"clip", "finetune", "--base", base_.string(), "--out", (root_ / "x").string(),
           "--targets", "q,x", "--json"},
          "unknown target");
    check({"clip", "finetune", "--base", base_.string(), "--out", (root_ / "x").string(),
           "--towers", "audio", "--json"},
          "unknown tower");
    check({"clip", "finetune", "--merge", "--base", base_.string(), "--out",
           (root_ / "x").string(), "--json"},
          "--merge without --adapter");
    check({"clip", "finetune", "--base", base_.string(), "--out", (root_ / "x").string(),
           "--lora-rank", "0", "--json"},
          "rank 0");
    check({"clip", "zeroshot", "--model", base_.string(), "--adapter",
           (root_ / "no-such-adapter").string(), "--dataset", "digits", "--json"},
          "missing adapter folder");
}

} // namespace
