// `liveml clip distill` and `liveml clip compare` as the studio runs them: a tiny large-preset
// teacher, a student distilled from it (loss falls, SIGTERM then --resume), and the two
// compared (parameter counts worked out from config.json, compression, the documented keys).
#include "liveml_job.hpp"

#include <fstream>
#include <set>

namespace {

using namespace liveml::clip_test;

json read_json(const fs::path& path) {
    std::ifstream in(path);
    return json::parse(in);
}

std::set<std::string> keys(const json& object) {
    std::set<std::string> out;
    for (const auto& [key, value] : object.items())
        out.insert(key);
    return out;
}

// Parameters of a model of our CNN tower and CLIP text tower, counted by hand from its
// config: the independent check of `compare`'s counts.
struct Expected {
    std::int64_t image = 0, text = 0;
};

Expected expected_params(const json& c) {
    const auto& t = c["text_config"];
    const std::int64_t w = t["hidden_size"], ff = t["intermediate_size"],
                       layers = t["num_hidden_layers"], vocab = t["vocab_size"],
                       positions = t["max_position_embeddings"], proj = c["projection_dim"];
    // q, k, v, out projections with biases; fc1, fc2 with biases; two LayerNorms.
    const auto layer = 4 * (w * w + w) + (w * ff + ff) + (ff * w + w) + 2 * 2 * w;
    Expected e;
    e.text = vocab * w + positions * w + layers * layer + 2 * w + w * proj;
    const auto& v = c["vision_config"];
    std::int64_t channels = v["num_channels"], side = v["image_size"];
    const std::int64_t hidden = v["hidden_size"];
    for (const std::int64_t out : v["liveml_cnn_channels"]) {
        e.image += channels * out * 9 + out;
        channels = out;
        side /= 2;
    }
    e.image += channels * side * side * hidden + hidden + 2 * hidden + hidden * proj;
    return e;
}

class DistillCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        root_ = test_dir("distill-cli");
        teacher_ = root_ / "teacher";
        const auto trained =
            run_to_result({"clip", "train", "--dataset", "digits", "--preset", "large", "--out",
                           teacher_.string(), "--epochs", "1", "--batch-size", "32", "--max-items",
                           "128", "--threads", "1", "--json"});
        ASSERT_EQ(trained["event"], "result") << trained.dump();

        Job job(distill_args(root_ / "student"));
        events_ = job.events(std::chrono::seconds(240));
        exit_ = job.wait_exit(std::chrono::seconds(10));
    }

    static std::vector<std::string> distill_args(const fs::path& out) {
        // 512 digits, 64 held out: 14 steps of 32 per epoch.
        return {"clip",
                "distill",
                "--teacher",
                teacher_.string(),
                "--dataset",
                "digits",
                "--max-items",
                "512",
                "--validation-items",
                "64",
                "--out",
                out.string(),
                "--epochs",
                "4",
                "--batch-size",
                "32",
                "--cache-dir",
                (root_ / "cache").string(),
                "--threads",
                "1",
                "--json"};
    }

    static inline fs::path root_, teacher_;
    static inline std::vector<json> events_;
    static inline int exit_ = -1;
};

TEST_F(DistillCli, TheDistillationLossFallsAndEachTermIsReported) {
    ASSERT_EQ(exit_, 0);
    std::vector<double> losses;
    std::size_t validations = 0;
    for (const auto& e : events_) {
        if (e["event"] != "progress") continue;
        if (e["phase"] == "train") {
            losses.push_back(e["loss"]);
            EXPECT_EQ(keys(e["metrics"]), (std::set<std::string>{"fd", "icl", "kd", "ce"}));
            double sum = 0;
            for (const auto& [name, value] : e["metrics"].items())
                sum += value.get<double>();
            EXPECT_NEAR(sum, e["loss"].get<double>(), 1e-3 * std::abs(sum)) << e.dump();
            EXPECT_TRUE(e.contains("eta_s"));
        }
        if (e["phase"] == "validate") {
            ++validations;
            EXPECT_TRUE(e["metrics"].contains("top1"));
        }
    }
    ASSERT_GE(losses.size(), 2u);
    EXPECT_LT(losses.back(), 0.8 * losses.front()) << losses.front() << " -> " << losses.back();
    EXPECT_EQ(validations, 4u) << "one validation per epoch";

    const auto& r = events_.back();
    ASSERT_EQ(r["event"], "result") << r.dump();
    EXPECT_EQ(r["teacher_cache_reused"], false);
    EXPECT_TRUE(fs::exists(r["teacher_cache"].get<std::string>()));
    EXPECT_GE(r["best_epoch"].get<int>(), 1);
    const auto best = read_json(root_ / "student" / "best" / "best.json");
    EXPECT_EQ(best["epoch"], r["best_epoch"]);
    EXPECT_EQ(best["top1"], r["best_top1"]);
    // The student speaks the teacher's tokens and its embedding width.
    for (const char* file : {"vocab.json", "merges.txt"}) {
        std::ifstream a(teacher_ / file), b(root_ / "student" / file);
        EXPECT_EQ(std::string(std::istreambuf_iterator<char>(a), {}),
                  std::string(std::istreambuf_iterator<char>(b), {}))
            << file;
    }
    EXPECT_EQ(read_json(root_ / "student" / "config.json")["projection_dim"],
              read_json(teacher_ / "config.json")["projection_dim"]);
}

TEST_F(DistillCli, SigtermLeavesAResumableCheckpointAndTheCacheIsReused) {
    const auto out = root_ / "interrupted";
    const auto args = distill_args(out);
    Job first(args);
    ASSERT_TRUE(first.reached_phase("train", std::chrono::seconds(120)));
    first.signal(SIGTERM);
    const auto rest = first.events(std::chrono::seconds(60));
    EXPECT_EQ(first.wait_exit(std::chrono::seconds(10)), 130);
    ASSERT_FALSE(rest.empty());
    EXPECT_EQ(rest.back()["stopped"], true);
    EXPECT_EQ(rest.back()["teacher_cache_reused"], true) << "same teacher, same data";
    const auto state = read_json(out / "training_state.json");
    const auto step = state["step"].get<int>();
    EXPECT_GT(step, 0);
    EXPECT_LT(step, state["total"].get<int>());
    EXPECT_EQ(state["distill"]["loss"], "clipkd");

    auto resume = args;
    resume.insert(resume.end() - 1, "--resume");
    const auto resumed = run_to_result(resume);
    EXPECT_EQ(resumed["start_step"], step);
    EXPECT_EQ(resumed["step"], resumed["total"]);
    EXPECT_EQ(resumed["stopped"], false);
}

TEST_F(DistillCli, CompareCountsParametersAndReportsTheDocumentedKeys) {
    ASSERT_EQ(exit_, 0);
    const auto student = root_ / "student";
    const auto r = run_to_result({"clip", "compare", "--model", teacher_.string(), "--model",
                                  student.string(), "--dataset", "digits", "--max-items", "100",
                                  "--runs", "3", "--warmup", "1", "--threads", "1", "--json"});
    ASSERT_EQ(r["event"], "result") << r.dump();
    using Keys = std::set<std::string>;
    EXPECT_EQ(keys(r), (Keys{"event", "models", "dataset", "split", "images", "device", "threads",
                             "warmup", "runs", "seconds"}));
    EXPECT_EQ(r["threads"], 1);
    ASSERT_EQ(r["models"].size(), 2u);
    const Keys quality{"top1",    "top5",    "mean_per_class_recall",
                       "t2i_R@1", "t2i_R@5", "t2i_R@10",
                       "i2t_R@1", "i2t_R@5", "i2t_R@10",
                       "map"};
    std::vector<std::int64_t> totals;
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& m = r["models"][i];
        EXPECT_EQ(keys(m), (Keys{"model", "params", "size_mb", "compression", "latency_ms",
                                 "throughput", "speedup", "zeroshot", "retrieval", "retained"}));
        const auto dir = i == 0 ? teacher_ : student;
        const auto expected = expected_params(read_json(dir / "config.json"));
        EXPECT_EQ(m["params"]["image"], expected.image) << dir;
        EXPECT_EQ(m["params"]["text"], expected.text) << dir;
        EXPECT_EQ(m["params"]["total"], expected.image + expected.text + 1) << "+ logit_scale";
        totals.push_back(m["params"]["total"]);
        for (const char* tower : {"image", "text"}) {
            EXPECT_EQ(keys(m["latency_ms"][tower]), (Keys{"b1", "b64"}));
            for (const char* b : {"b1", "b64"}) {
                EXPECT_EQ(keys(m["latency_ms"][tower][b]), (Keys{"p50", "p95"}));
                EXPECT_LE(m["latency_ms"][tower][b]["p50"], m["latency_ms"][tower][b]["p95"]);
            }
        }
        EXPECT_EQ(keys(m["throughput"]), (Keys{"image_b1", "image_b64", "text_b1", "text_b64"}));
        EXPECT_EQ(keys(m["speedup"]), (Keys{"image_b1", "image_b64", "text_b1", "text_b64"}));
        EXPECT_EQ(keys(m["zeroshot"]), (Keys{"top1", "top5", "mean_per_class_recall"}));
        EXPECT_EQ(keys(m["retrieval"]), (Keys{"t2i", "i2t", "map"}));
        EXPECT_EQ(keys(m["retrieval"]["t2i"]), (Keys{"R@1", "R@5", "R@10"}));
        EXPECT_EQ(keys(m["retained"]), quality);
        const auto size = fs::file_size(dir / "model.safetensors");
        EXPECT_GT(m["size_mb"].get<double>() * 1e6, static_cast<double>(size));
    }
    const auto& first = r["models"][0];
    EXPECT_DOUBLE_EQ(first["compression"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(first["speedup"]["image_b1"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(first["retained"]["top5"].get<double>(), 100.0);
    EXPECT_NEAR(r["models"][1]["compression"].get<double>(),
                static_cast<double>(totals[0]) / static_cast<double>(totals[1]), 1e-9);
    EXPECT_GT(r["models"][1]["compression"].get<double>(), 5.0) << "large preset vs small";
}

TEST_F(DistillCli, CompareWritesMarkdownAndCsvTables) {
    const auto student = (root_ / "student").string();
    for (const char* format : {"--markdown", "--csv"}) {
        Job job({"clip", "compare", "--model", teacher_.string(), "--model", student, "--dataset",
                 "digits", "--max-items", "50", "--runs", "2", "--warmup", "0", "--threads", "1",
                 format});
        std::vector<std::string> lines;
        while (const auto line = job.next_line(std::chrono::seconds(120)))
            lines.push_back(*line);
        EXPECT_EQ(job.wait_exit(std::chrono::seconds(10)), 0) << format;
        if (std::string(format) == "--markdown") {
            ASSERT_EQ(lines.size(), 6u); // setting, blank, header, rule, two models
            EXPECT_NE(lines[0].find("threads"), std::string::npos) << lines[0];
            EXPECT_EQ(lines[2].rfind("| model | params_image |", 0), 0u) << lines[2];
            EXPECT_NE(lines[5].find(student), std::string::npos);
        } else {
            ASSERT_EQ(lines.size(), 3u);
            EXPECT_EQ(lines[0].rfind("model,params_image,params_text,params_total,size_mb", 0), 0u)
                << lines[0];
        }
    }
}

TEST_F(DistillCli, BothJobsRejectAMissingOrMisspeltDevice) {
    const std::vector<std::vector<std::string>> jobs{
        {"clip", "distill", "--teacher", teacher_.string(), "--dataset", "digits", "--out",
         (root_ / "device").string(), "--cache-dir", (root_ / "cache").string()},
        {"clip", "compare", "--model", teacher_.string(), "--dataset", "digits"}};
    expect_device_errors(jobs);
}

} // namespace
