#include "jobs/compare_table.hpp"

#include <gtest/gtest.h>

using namespace liveml::jobs;

namespace {

// Two models in the shape `liveml clip compare --json` reports (issue 12), trimmed.
nlohmann::json two_models() {
    return nlohmann::json::parse(R"({"models":[
      {"model":"/runs/a/model","params":{"image":300000,"text":40000,"total":340000},
       "size_mb":1.3,"compression":1.0,
       "latency_ms":{"image":{"b1":{"p50":2.5,"p95":3.0}}},
       "zeroshot":{"top1":0.90,"top5":0.99}},
      {"model":"/picked/b","params":{"image":30000,"text":4000,"total":34000},
       "size_mb":0.13,"compression":10.0,
       "latency_ms":{"image":{"b1":{"p50":0.4,"p95":0.5}}},
       "zeroshot":{"top1":0.88},"note":"text is not a figure"}]})");
}

ComparedModel at(double latency, double top1) {
    return {"m", "", {{kImageLatencyB1, latency}, {kZeroShotTop1, top1}}};
}

} // namespace

TEST(CompareTable, FlattensEveryNumberAndNamesTheRunThatMadeEachModel) {
    const auto models = parse_compare_result(two_models(), {{"/runs/a/model", "run-a"}});
    ASSERT_EQ(models.size(), 2u);
    EXPECT_EQ(models[0].run_id, "run-a");
    EXPECT_EQ(models[1].run_id, "");
    EXPECT_EQ(models[0].figure(kParamsTotal), 340000);
    EXPECT_EQ(models[1].figure(kImageLatencyB1), 0.4);
    EXPECT_EQ(models[0].figure("zeroshot.top5"), 0.99);
    EXPECT_FALSE(models[1].figure("zeroshot.top5"));
    EXPECT_FALSE(models[1].figure("note"));
    EXPECT_EQ(models[1].figures.front().first, "compression") << "in name order";
}

TEST(CompareTable, RefusesResultsWithoutModels) {
    EXPECT_THROW(parse_compare_result(nlohmann::json::object(), {}), std::runtime_error);
    EXPECT_THROW(parse_compare_result(nlohmann::json::parse(R"({"models":{}})"), {}),
                 std::runtime_error);
    EXPECT_THROW(parse_compare_result(nlohmann::json::parse(R"({"models":[{"size_mb":1}]})"), {}),
                 std::runtime_error);
}

TEST(CompareTable, ParetoFrontKeepsOnlyModelsNothingBeatsOnBothAxes) {
    // 0: fast and weak, 1: slow and strong, 2: slower and weaker than 1 (dominated),
    // 3: as fast as 0 but weaker (dominated), 4: lacks accuracy (left out).
    std::vector<ComparedModel> models{
        at(1, 0.80), at(5, 0.92), at(6, 0.90), at(1, 0.70), {"m", "", {{kImageLatencyB1, 0.1}}}};
    EXPECT_EQ(pareto_front(models, kImageLatencyB1, kZeroShotTop1),
              (std::vector<std::size_t>{0, 1}));
    models.push_back(at(3, 0.85)); // in between: on the front
    EXPECT_EQ(pareto_front(models, kImageLatencyB1, kZeroShotTop1),
              (std::vector<std::size_t>{0, 5, 1}));
}

TEST(CompareTable, CsvHasRunIdsEveryFigureAndQuotesWhatNeedsIt) {
    auto models = parse_compare_result(two_models(), {{"/runs/a/model", "run-a"}});
    models[1].model = "/picked/b, \"final\"";
    const std::string csv = compare_csv(models);
    const auto header_end = csv.find("\r\n");
    EXPECT_EQ(csv.substr(0, header_end),
              "run_id,model,compression,latency_ms.image.b1.p50,latency_ms.image.b1.p95,"
              "params.image,params.text,params.total,size_mb,zeroshot.top1,zeroshot.top5");
    EXPECT_NE(csv.find("\r\nrun-a,/runs/a/model,1,2.5,3,300000,40000,340000,1.3,0.9,0.99\r\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\r\n,\"/picked/b, \"\"final\"\"\",10,0.4,0.5,30000,4000,34000,0.13,0.88,"
                       "\r\n"),
              std::string::npos)
        << csv;
}

TEST(CompareTable, SettingsSideBySideMarkWhatDiffers) {
    const auto rows = settings_side_by_side(
        {nlohmann::json::parse(R"({"dataset":"digits","epochs":5,"lr":{"max":0.001}})"),
         nlohmann::json::parse(R"({"dataset":"digits","epochs":8,"seed":1})")});
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].key, "dataset");
    EXPECT_FALSE(rows[0].differs());
    EXPECT_EQ(rows[1].key, "epochs");
    EXPECT_EQ(rows[1].values, (std::vector<std::string>{"5", "8"}));
    EXPECT_TRUE(rows[1].differs());
    EXPECT_EQ(rows[2].key, "lr.max");
    EXPECT_EQ(rows[2].values, (std::vector<std::string>{"0.001", ""}));
    EXPECT_TRUE(rows[2].differs());
    EXPECT_EQ(rows[3].key, "seed");
    EXPECT_TRUE(rows[3].differs());
}
