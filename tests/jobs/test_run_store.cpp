#include "jobs/run_store.hpp"

#include "scratch_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

using namespace liveml::jobs;
namespace fs = std::filesystem;

namespace {

fs::path fresh_root(const char* name) {
    const fs::path root = liveml::testing::scratch_dir("jobs") / name;
    fs::remove_all(root);
    return root;
}

JobSpec train_spec() {
    JobSpec spec;
    spec.kind = JobKind::Train;
    spec.options["dataset"] = "digits";
    spec.options["device"] = "cpu";
    return spec;
}

constexpr std::int64_t kNoon = 1764763200000; // 2025-12-03 12:00:00 UTC

} // namespace

TEST(RunStore, CreateWritesParamsAndRunAndNamesRunsByTime) {
    RunStore store(fresh_root("create"));
    const RunRecord first = store.create(train_spec(), kNoon);
    const RunRecord second = store.create(train_spec(), kNoon);
    EXPECT_EQ(first.id, "20251203-120000-train");
    EXPECT_EQ(second.id, "20251203-120000-train-2");
    EXPECT_EQ(first.status, RunStatus::Queued);
    EXPECT_EQ(first.device, "cpu");
    EXPECT_TRUE(fs::exists(store.run_dir(first.id) / "params.json"));
    EXPECT_TRUE(fs::exists(store.run_dir(first.id) / "run.json"));
}

TEST(RunStore, HistorySurvivesANewStoreAndActiveRunsComeBackStopped) {
    const fs::path root = fresh_root("reload");
    std::string done_id, running_id;
    {
        RunStore store(root);
        RunRecord done = store.create(train_spec(), kNoon);
        done.status = RunStatus::Done;
        done.seconds = 4.5;
        done.headline = Headline{"final_loss", 0.25};
        store.save(done);
        store.append_event(done.id, R"({"event":"progress","phase":"train","step":1,"total":2})");
        store.append_event(done.id, R"({"event":"result","final_loss":0.25})");
        store.save_result(done.id, nlohmann::json{{"final_loss", 0.25}});
        done_id = done.id;
        RunRecord running = store.create(train_spec(), kNoon + 1000);
        running.status = RunStatus::Running;
        store.save(running);
        running_id = running.id;
    }
    RunStore again(root);
    const auto loaded = again.load();
    EXPECT_TRUE(loaded.problems.empty());
    ASSERT_EQ(loaded.runs.size(), 2u);
    EXPECT_EQ(loaded.runs[0].id, done_id);
    EXPECT_EQ(loaded.runs[0].status, RunStatus::Done);
    EXPECT_DOUBLE_EQ(loaded.runs[0].seconds, 4.5);
    ASSERT_TRUE(loaded.runs[0].headline);
    EXPECT_EQ(loaded.runs[0].headline->metric, "final_loss");
    EXPECT_EQ(loaded.runs[0].spec.option("dataset"), "digits");
    EXPECT_EQ(loaded.runs[1].id, running_id);
    EXPECT_EQ(loaded.runs[1].status, RunStatus::Stopped);
    EXPECT_TRUE(loaded.runs[1].can_resume());
    EXPECT_EQ(again.event_lines(done_id).size(), 2u);
    EXPECT_DOUBLE_EQ(again.result(done_id)->at("final_loss").get<double>(), 0.25);
    EXPECT_FALSE(again.result(running_id));
}

TEST(RunStore, ABrokenFolderIsReportedAndTheOthersStillLoad) {
    const fs::path root = fresh_root("broken");
    RunStore store(root);
    const RunRecord good = store.create(train_spec(), kNoon);
    const RunRecord bad = store.create(train_spec(), kNoon + 1);
    std::ofstream(store.run_dir(bad.id) / "params.json") << "{not json";
    const auto loaded = store.load();
    ASSERT_EQ(loaded.runs.size(), 1u);
    EXPECT_EQ(loaded.runs[0].id, good.id);
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_NE(loaded.problems[0].find(bad.id), std::string::npos);
}

TEST(RunStore, RemoveDeletesTheFolderAndRefusesPathsOutsideTheRoot) {
    RunStore store(fresh_root("remove"));
    const RunRecord run = store.create(train_spec(), kNoon);
    fs::create_directories(store.run_dir(run.id) / "model");
    store.remove(run.id);
    EXPECT_FALSE(fs::exists(store.run_dir(run.id)));
    EXPECT_TRUE(store.load().runs.empty());
    EXPECT_THROW(store.remove(".."), std::runtime_error);
    EXPECT_THROW(store.remove("a/b"), std::runtime_error);
    EXPECT_THROW(store.remove(""), std::runtime_error);
}

TEST(RunRecord, HeadlinePicksEachKindsFigure) {
    EXPECT_EQ(headline_of(JobKind::Evaluate, nlohmann::json::parse(R"({"zeroshot":{"top1":0.9}})"))
                  ->metric,
              "top1");
    EXPECT_DOUBLE_EQ(headline_of(JobKind::Index, nlohmann::json::parse(R"({"size":360})"))->value,
                     360);
    EXPECT_EQ(headline_of(JobKind::ZeroShot, nlohmann::json::parse(R"({"images":2})"))->metric,
              "images");
    EXPECT_DOUBLE_EQ(
        headline_of(JobKind::Search, nlohmann::json::parse(R"({"results":[{},{}]})"))->value, 2);
    EXPECT_FALSE(headline_of(JobKind::Train, nlohmann::json::parse(R"({"stopped":true})")));
    // A fine-tune is judged by the tuned model's zero-shot on its new data.
    const auto tuned = headline_of(
        JobKind::FineTune,
        nlohmann::json::parse(R"({"final_loss":1.5,"target":{"base_top1":0.2,"tuned_top1":0.7}})"));
    EXPECT_EQ(tuned->metric, "top1");
    EXPECT_DOUBLE_EQ(tuned->value, 0.7);
}
