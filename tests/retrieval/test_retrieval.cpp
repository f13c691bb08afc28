#include "common/file_bytes.hpp"
#include "retrieval/brute_force.hpp"
#include "retrieval/index_sync.hpp"
#include "retrieval/latency_stats.hpp"
#include "retrieval/ranking_metrics.hpp"
#include "retrieval/vector_index.hpp"

#include "random_matrix.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

using namespace liveml::retrieval;
using liveml::retrieval::test::random_matrix;
using liveml::retrieval::test::rows_of;
namespace fs = std::filesystem;

namespace {

std::vector<ItemMeta> items_for(std::size_t first, std::size_t count) {
    std::vector<ItemMeta> items;
    for (std::size_t i = first; i < first + count; ++i)
        items.push_back({"img" + std::to_string(i) + ".png", i, static_cast<std::int64_t>(i) * 10,
                         "caption " + std::to_string(i), static_cast<int>(i % 10)});
    return items;
}

std::vector<std::int64_t> hit_ids(const std::vector<Hit>& hits) {
    std::vector<std::int64_t> ids;
    for (const auto& h : hits)
        ids.push_back(h.id);
    return ids;
}

} // namespace

TEST(RankingMetrics, TiesAndSeveralRelevantItems) {
    // q0: items 0 and 2 tie at 0.9, items 1 and 4 at 0.5; relevant {2, 4}.
    //     Ranked 0, 2, 1, 4, 3 -> relevant at positions 2 and 4.
    // q1: four items tie at 0.3; relevant {1}. Lower index first: position 2 (after item 0);
    //     pessimistic: position 4 (after items 0, 2 and 3).
    const Matrix scores{2, 5, {0.9f, 0.5f, 0.9f, 0.1f, 0.5f, 0.3f, 0.3f, 0.3f, 0.3f, 0.2f}};
    const std::vector<std::vector<std::size_t>> relevant{{2, 4}, {1}};
    const double inv_log3 = 1.0 / std::log2(3.0), inv_log5 = 1.0 / std::log2(5.0);

    const auto m = ranking_metrics(scores, relevant);
    EXPECT_EQ(m.queries, 2u);
    EXPECT_DOUBLE_EQ(m.recall_at_1, 0.0);
    EXPECT_DOUBLE_EQ(m.recall_at_5, 1.0);
    EXPECT_DOUBLE_EQ(m.recall_at_10, 1.0);
    EXPECT_DOUBLE_EQ(m.mrr, 0.5);                        // 1/2 and 1/2
    EXPECT_DOUBLE_EQ(m.map, 0.5);                        // q0 (1/2 + 2/4)/2, q1 1/2
    EXPECT_DOUBLE_EQ(m.precision_at_k, (0.2 + 0.1) / 2); // 2 of 10 and 1 of 10
    const double ndcg_q0 = (inv_log3 + inv_log5) / (1.0 + inv_log3);
    EXPECT_NEAR(m.ndcg_at_10, (ndcg_q0 + inv_log3) / 2, 1e-12);
    EXPECT_DOUBLE_EQ(m.mean_rank, 2.0);
    EXPECT_DOUBLE_EQ(m.median_rank, 2.0);

    const auto p = ranking_metrics(scores, relevant, TieBreak::Pessimistic);
    EXPECT_DOUBLE_EQ(p.mrr, (0.5 + 0.25) / 2);
    EXPECT_DOUBLE_EQ(p.mean_rank, 3.0);
    EXPECT_DOUBLE_EQ(p.median_rank, 3.0);
    EXPECT_DOUBLE_EQ(p.recall_at_1, 0.0);

    EXPECT_THROW(ranking_metrics(scores, {{2}, {}}), std::invalid_argument);
    EXPECT_THROW(ranking_metrics(scores, {{2}, {7}}), std::invalid_argument);
    EXPECT_THROW(ranking_metrics(scores, {{2}}), std::invalid_argument);
}

TEST(RankingMetrics, RetrievalReportBothDirections) {
    // Images are the axes. Texts 0 and 1 describe image 0, text 2 image 1, text 3 image 2.
    // Text 1 (0.6, 0.8, 0) is closer to image 1: t2i rank 2, all other texts rank 1.
    // For image 0 both captions are relevant; its best (text 0) is first, so i2t R@1 = 1.
    const Matrix images{3, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1}};
    const Matrix texts{4, 3, {5, 0, 0, 0.6f, 0.8f, 0, 0, 2, 0, 0.1f, 0, 1}};
    const auto r = retrieval_report(texts, images, {0, 0, 1, 2});
    EXPECT_EQ(r.text_to_image.queries, 4u);
    EXPECT_DOUBLE_EQ(r.text_to_image.recall_at_1, 0.75);
    EXPECT_DOUBLE_EQ(r.text_to_image.recall_at_5, 1.0);
    EXPECT_DOUBLE_EQ(r.text_to_image.mrr, (1 + 0.5 + 1 + 1) / 4.0);
    EXPECT_EQ(r.image_to_text.queries, 3u);
    EXPECT_DOUBLE_EQ(r.image_to_text.recall_at_1, 1.0);
    // Image 0's captions sit at positions 1 and 2: AP 1; the others have AP 1 too.
    EXPECT_DOUBLE_EQ(r.image_to_text.map, 1.0);
}

TEST(ZeroShotMetrics, TopKAndMeanPerClassRecall) {
    // img0 -> class 0 (right); img1 ties classes 0 and 1, label 1: lower index wins, wrong;
    // img2 -> class 2 (right); img3 -> class 1 but label 0, its label second.
    const Matrix logits{4, 3, {3, 1, 0, 1, 1, 0, 0, 0, 5, 2, 3, 1}};
    const auto m = zeroshot_metrics(logits, {0, 1, 2, 0});
    EXPECT_DOUBLE_EQ(m.top1, 0.5);
    EXPECT_DOUBLE_EQ(m.top5, 1.0); // top-3 with three classes
    ASSERT_EQ(m.per_class_recall.size(), 3u);
    EXPECT_DOUBLE_EQ(m.per_class_recall[0], 0.5);
    EXPECT_DOUBLE_EQ(m.per_class_recall[1], 0.0);
    EXPECT_DOUBLE_EQ(m.per_class_recall[2], 1.0);
    EXPECT_DOUBLE_EQ(m.mean_per_class_recall, 0.5);
    // [actual][predicted]: img1's tie goes to class 0, img3 is read as class 1.
    using Row = std::vector<std::uint64_t>;
    EXPECT_EQ(m.confusion, (std::vector<Row>{{1, 1, 0}, {1, 0, 0}, {0, 0, 1}}));

    // A class nobody belongs to is left out of the mean.
    const Matrix four{2, 4, {1, 0, 0, 0, 0, 1, 0, 0}};
    const auto absent = zeroshot_metrics(four, {0, 0});
    EXPECT_TRUE(std::isnan(absent.per_class_recall[3]));
    EXPECT_DOUBLE_EQ(absent.mean_per_class_recall, 0.5);
    EXPECT_THROW(zeroshot_metrics(four, {0, 4}), std::invalid_argument);
}

TEST(ZeroShotMetrics, ClassifierAveragesNormalisedTemplates) {
    // Class 0's templates (2,0) and (0,1) normalise to the axes: mean (0.5,0.5) -> (1,1)/sqrt2.
    const auto w = zeroshot_classifier(Matrix{4, 2, {2, 0, 0, 1, 0, 3, 0, 1}}, 2);
    EXPECT_NEAR(w.data[0], std::sqrt(0.5f), 1e-6f);
    EXPECT_NEAR(w.data[1], std::sqrt(0.5f), 1e-6f);
    EXPECT_NEAR(w.data[2], 0.0f, 1e-6f);
    EXPECT_NEAR(w.data[3], 1.0f, 1e-6f);
    EXPECT_THROW(zeroshot_classifier(Matrix{3, 2, std::vector<float>(6)}, 2),
                 std::invalid_argument);
}

TEST(LatencyStats, PercentilesAndQps) {
    const auto s = summarize_latencies({5, 1, 4, 2, 3}, 0.5);
    EXPECT_DOUBLE_EQ(s.p50_ms, 3.0);
    EXPECT_DOUBLE_EQ(s.p95_ms, 4.8); // between 4 and 5 at 0.8
    EXPECT_DOUBLE_EQ(s.mean_ms, 3.0);
    EXPECT_DOUBLE_EQ(s.max_ms, 5.0);
    EXPECT_DOUBLE_EQ(s.qps, 10.0);
    EXPECT_DOUBLE_EQ(summarize_latencies({2, 2}).qps, 500.0); // no wall time: sum of latencies
    EXPECT_EQ(summarize_latencies({}).count, 0u);
}

TEST(BruteForce, TiesByLowerIndex) {
    const Matrix gallery{4, 2, {1, 0, 0, 1, 1, 0, 0.5f, 0.5f}};
    const auto hits = brute_force_search(gallery, Matrix{1, 2, {1, 0}}, 3);
    EXPECT_EQ(hit_ids(hits[0]), (std::vector<std::int64_t>{0, 2, 3}));
    EXPECT_FLOAT_EQ(hits[0][2].score, 0.5f);
}

TEST(VectorIndex, FlatMatchesBruteForceAndRoundTrips) {
    const auto gallery = random_matrix(2000, 64, 1);
    const auto queries = random_matrix(30, 64, 2);
    VectorIndex index(64);
    const auto ids = index.add(gallery, items_for(0, 2000));
    EXPECT_EQ(ids.front(), 0);
    EXPECT_EQ(ids.back(), 1999);
    EXPECT_EQ(index.active_kind(), IndexKind::Flat);

    const auto fast = index.search(queries, 10);
    const auto exact = index.search_exact(queries, 10);
    ASSERT_EQ(fast.size(), 30u);
    for (std::size_t q = 0; q < 30; ++q) {
        EXPECT_EQ(hit_ids(fast[q]), hit_ids(exact[q])) << q;
        for (std::size_t i = 0; i < 10; ++i)
            EXPECT_NEAR(fast[q][i].score, exact[q][i].score, 1e-5f);
    }
    EXPECT_EQ(index.meta(7)->caption, "caption 7");
    EXPECT_EQ(index.find_path("img9.png"), 9);

    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / "index_roundtrip";
    fs::remove_all(dir);
    index.save(dir);
    const auto loaded = VectorIndex::load(dir);
    EXPECT_EQ(loaded.size(), 2000u);
    EXPECT_EQ(loaded.meta(1234)->path, "img1234.png");
    EXPECT_EQ(loaded.meta(1234)->label, 4);
    const auto again = loaded.search(queries, 10);
    for (std::size_t q = 0; q < 30; ++q)
        EXPECT_EQ(hit_ids(again[q]), hit_ids(fast[q]));

    liveml::write_file_atomic(dir / "items.jsonl", "{\"path\":\"x\"}\n");
    EXPECT_THROW(VectorIndex::load(dir), std::runtime_error);
    EXPECT_THROW(VectorIndex::load(dir / "missing"), std::runtime_error);
}

TEST(VectorIndex, IncrementalAddAndRemove) {
    const auto all = random_matrix(300, 16, 3);
    VectorIndex index(16);
    index.add(rows_of(all, 0, 200), items_for(0, 200));
    EXPECT_EQ(index.remove({5, 17, 17, 999}), 2u);
    EXPECT_EQ(index.size(), 198u);
    EXPECT_EQ(index.meta(5), nullptr);
    // The removed vector's own query no longer finds it.
    const auto hits = index.search(rows_of(all, 5, 1), 5);
    for (const auto& h : hits[0])
        EXPECT_NE(h.id, 5);
    const auto new_ids = index.add(rows_of(all, 200, 100), items_for(200, 100));
    EXPECT_EQ(new_ids.front(), 200); // ids are never reused
    const auto q = random_matrix(10, 16, 4);
    const auto fast = index.search(q, 8);
    const auto exact = index.search_exact(q, 8);
    for (std::size_t i = 0; i < 10; ++i)
        EXPECT_EQ(hit_ids(fast[i]), hit_ids(exact[i]));
    // Its own vector is each item's best match.
    EXPECT_EQ(index.search(rows_of(all, 250, 1), 1)[0][0].id, 250);
}

TEST(VectorIndex, HnswForLargeGalleriesRecallsTheExactNeighbours) {
    const auto gallery = random_matrix(3000, 32, 5);
    const auto queries = random_matrix(50, 32, 6);
    VectorIndex index(32, {.hnsw_threshold = 2500});
    index.add(rows_of(gallery, 0, 2000), items_for(0, 2000));
    EXPECT_EQ(index.active_kind(), IndexKind::Flat);
    index.add(rows_of(gallery, 2000, 1000), items_for(2000, 1000));
    EXPECT_EQ(index.active_kind(), IndexKind::Hnsw); // switched when crossing the threshold
    const auto fast = index.search(queries, 10);
    const auto exact = index.search_exact(queries, 10);
    std::size_t found = 0;
    for (std::size_t q = 0; q < 50; ++q) {
        const auto truth = hit_ids(exact[q]);
        const std::set<std::int64_t> truth_set(truth.begin(), truth.end());
        for (const auto& h : fast[q])
            found += truth_set.count(h.id);
    }
    EXPECT_GE(static_cast<double>(found) / 500.0, 0.95);
    index.remove({0, 1, 2});
    EXPECT_EQ(index.active_kind(), IndexKind::Hnsw);
    EXPECT_EQ(index.size(), 2997u);
}

TEST(IndexSync, PlansNewChangedAndDeletedFiles) {
    const auto dir = fs::path(LIVEML_TEST_BINARY_DIR) / "sync_folder";
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"a.png", "b.png", "c.png"})
        liveml::write_file_atomic(dir / name, "1");
    VectorIndex index(4);
    const auto first = liveml::datasets::scan_image_folder(dir);
    const auto plan0 = plan_sync(index, first);
    EXPECT_EQ(plan0.to_embed.size(), 3u);
    std::vector<ItemMeta> items;
    for (const auto& [e, replaces] : plan0.to_embed) {
        EXPECT_FALSE(replaces.has_value());
        items.push_back({e.path.generic_string(), e.size, e.mtime_ns, "", -1});
    }
    index.add(random_matrix(3, 4, 7), items);
    EXPECT_EQ(plan_sync(index, first).unchanged, 3u);

    liveml::write_file_atomic(dir / "b.png", "changed"); // new size
    fs::remove(dir / "c.png");
    liveml::write_file_atomic(dir / "d.png", "1");
    const auto plan = plan_sync(index, liveml::datasets::scan_image_folder(dir));
    EXPECT_EQ(plan.unchanged, 1u);
    ASSERT_EQ(plan.to_embed.size(), 2u);
    EXPECT_EQ(plan.to_embed[0].file.path, "b.png");
    EXPECT_EQ(plan.to_embed[0].replaces, index.find_path("b.png"));
    EXPECT_EQ(plan.to_embed[1].file.path, "d.png");
    EXPECT_FALSE(plan.to_embed[1].replaces.has_value());
    EXPECT_EQ(plan.deleted, std::vector<std::int64_t>{*index.find_path("c.png")});
}
