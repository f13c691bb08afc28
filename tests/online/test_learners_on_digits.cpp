// The non-scikit-learn learners on the digits stream: they must learn it (prequential
// accuracy), answer with real distributions, be deterministic for a seed, and refuse bad input
// without changing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "digits/digits_dataset.hpp"
#include "online/hoeffding_tree.hpp"
#include "online/learner_registry.hpp"
#include "online/mlp_classifier.hpp"
#include "online/model_file.hpp"
#include "online/prequential_metrics.hpp"

using namespace liveml::online;
namespace digits = liveml::digits;

namespace {

std::vector<int> ten() {
    return {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
}

const std::vector<digits::DigitSample>& data() {
    static const auto d = digits::load_digits_csv(digits::bundled_digits_path());
    return d;
}

// Prequential metrics over `passes` passes of the digits in a seeded order.
PrequentialMetrics stream(OnlineClassifier& model, int passes) {
    std::vector<std::size_t> order(data().size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 rng(3);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[static_cast<std::size_t>((rng() >> 11) % i)]);
    PrequentialMetrics m;
    std::vector<double> proba(10);
    for (int p = 0; p < passes; ++p)
        for (const std::size_t i : order) {
            const auto x = digits::to_doubles(data()[i].x);
            model.predict_proba(x, proba);
            m.add(proba, static_cast<std::size_t>(data()[i].label));
            model.partial_fit(x, data()[i].label);
        }
    return m;
}

class ProbabilisticLearner : public ::testing::TestWithParam<std::string> {};

TEST_P(ProbabilisticLearner, LearnsTheDigitsStreamWithCalibratedProbabilities) {
    auto model = make_learner(GetParam(), ten(), digits::kFeatures);
    const PrequentialMetrics m = stream(*model, 10);
    std::printf("[ learner ] %s: 10 passes, accuracy %.4f, log loss %.4f, Brier %.4f, ECE %.4f\n",
                GetParam().c_str(), m.accuracy(), m.log_loss(), m.brier_score(),
                m.expected_calibration_error());
    // Measured: softmax 0.9718 / 0.108 / 0.013, mlp 0.9722 / 0.112 / 0.031 (deterministic);
    // bounds leave a little room for another compiler's libm.
    EXPECT_GE(m.accuracy(), 0.965);
    EXPECT_LE(m.log_loss(), 0.13);
    EXPECT_LE(m.expected_calibration_error(), 0.04);
}

TEST_P(ProbabilisticLearner, ProbabilitiesAreDistributionsRankedLikePredict) {
    auto model = make_learner(GetParam(), ten(), digits::kFeatures);
    stream(*model, 1);
    std::vector<double> proba(10);
    for (std::size_t i = 0; i < 200; ++i) {
        const auto x = digits::to_doubles(data()[i].x);
        model->predict_proba(x, proba);
        double sum = 0.0;
        for (const double p : proba) {
            ASSERT_TRUE(p >= 0.0 && p <= 1.0);
            sum += p;
        }
        EXPECT_NEAR(sum, 1.0, 1e-12);
        const auto top = std::max_element(proba.begin(), proba.end()) - proba.begin();
        EXPECT_EQ(model->predict(x), static_cast<int>(top));
    }
}

TEST_P(ProbabilisticLearner, BadInputLeavesTheModelUnchanged) {
    auto model = make_learner(GetParam(), ten(), digits::kFeatures);
    stream(*model, 1);
    const std::string before = serialize_model(*model);
    auto x = digits::to_doubles(data()[0].x);
    EXPECT_THROW(model->partial_fit(x, 11), std::invalid_argument);
    x[5] = NAN;
    EXPECT_THROW(model->partial_fit(x, 1), std::invalid_argument);
    EXPECT_THROW(model->partial_fit(std::vector<double>(63, 1.0), 1), std::invalid_argument);
    EXPECT_EQ(serialize_model(*model), before);
}

INSTANTIATE_TEST_SUITE_P(Digits, ProbabilisticLearner,
                         ::testing::Values("softmax_regression", "mlp"));

TEST(HoeffdingTree, GrowsAndLearnsTheDigitsStream) {
    // With ten classes the default tie threshold (0.05) needs ~35k samples at a leaf before
    // it splits; a looser one lets the tree grow within this test's 18k.
    HoeffdingTreeParams params;
    params.tau = 0.2;
    HoeffdingTree tree(params, ten(), digits::kFeatures);
    const PrequentialMetrics m = stream(tree, 10);
    std::printf("[ learner ] hoeffding_tree: 10 passes, accuracy %.4f, log loss %.4f, %zu leaves, "
                "depth %zu\n",
                m.accuracy(), m.log_loss(), tree.n_leaves(), tree.depth());
    EXPECT_GT(tree.n_leaves(), 10u);
    EXPECT_GE(m.accuracy(), 0.70); // measured 0.760, 23 leaves, depth 7 (deterministic)
    // A copy through the model file answers the same.
    const auto back = deserialize_learner(serialize_model(tree));
    for (std::size_t i = 0; i < 300; ++i) {
        const auto x = digits::to_doubles(data()[i].x);
        EXPECT_EQ(back.model->predict(x), tree.predict(x));
    }
}

TEST(MlpClassifier, SameSeedSameModelOtherSeedOtherModel) {
    MlpClassifier a(MlpParams{}, ten(), digits::kFeatures);
    MlpClassifier b(MlpParams{}, ten(), digits::kFeatures);
    MlpParams other;
    other.seed = 2;
    MlpClassifier c(other, ten(), digits::kFeatures);
    stream(a, 1);
    stream(b, 1);
    stream(c, 1);
    EXPECT_EQ(serialize_model(a), serialize_model(b));
    EXPECT_NE(serialize_model(a), serialize_model(c));
}

// The averaged network answers as the members' mean log-probabilities do: the same argmax,
// and probabilities that are their normalised geometric mean.
TEST(MlpClassifier, AveragedNetworkIsTheMembersGeometricMean) {
    std::vector<MlpClassifier> members;
    for (const std::uint64_t seed : {1, 2, 3}) {
        MlpParams p;
        p.hidden = 32 + 8 * seed; // members need not be the same size
        p.seed = seed;
        members.emplace_back(p, ten(), digits::kFeatures);
        stream(members.back(), 1);
    }
    const MlpClassifier joined = MlpClassifier::averaged(members);
    EXPECT_EQ(joined.params().hidden, 40u + 48u + 56u);
    EXPECT_EQ(joined.samples_seen(), 3 * data().size());
    int disagreements_with_first = 0;
    std::vector<double> p(10), q(10);
    for (std::size_t i = 0; i < data().size(); i += 7) {
        const auto x = digits::to_doubles(data()[i].x);
        std::vector<double> mean_log(10, 0.0);
        for (const auto& m : members) {
            m.predict_proba(x, p);
            for (std::size_t c = 0; c < 10; ++c)
                mean_log[c] += std::log(p[c]) / 3.0;
        }
        double norm = 0;
        for (const double v : mean_log)
            norm += std::exp(v);
        joined.predict_proba(x, q);
        for (std::size_t c = 0; c < 10; ++c)
            EXPECT_NEAR(q[c], std::exp(mean_log[c]) / norm, 1e-9);
        const auto best = std::max_element(mean_log.begin(), mean_log.end()) - mean_log.begin();
        EXPECT_EQ(joined.predict(x), int(best));
        disagreements_with_first += joined.predict(x) != members[0].predict(x);
    }
    EXPECT_GT(disagreements_with_first, 0); // the average is not just one member
    // It survives the model file like any network.
    const auto bytes = serialize_model(joined);
    EXPECT_EQ(serialize_model(*deserialize_learner(bytes).model), bytes);

    EXPECT_THROW(MlpClassifier::averaged({}), std::invalid_argument);
    MlpParams wide;
    wide.hidden = MlpClassifier::kMaxHidden;
    const std::vector<MlpClassifier> too_wide{MlpClassifier(wide, ten(), digits::kFeatures),
                                              members[0]};
    EXPECT_THROW(MlpClassifier::averaged(too_wide), std::invalid_argument);
    const std::vector<MlpClassifier> mixed{members[0],
                                           MlpClassifier(MlpParams{}, {0, 1}, digits::kFeatures)};
    EXPECT_THROW(MlpClassifier::averaged(mixed), std::invalid_argument);
}

} // namespace
