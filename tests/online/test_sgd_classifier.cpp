#include "online/sgd_classifier.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

using namespace liveml::online;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A small deterministic 3-class problem: class c lights feature c.
struct Toy {
    std::vector<double> X;
    std::vector<int> y;
};

Toy toy_stream(std::size_t n) {
    Toy toy;
    for (std::size_t i = 0; i < n; ++i) {
        const int label = static_cast<int>(i % 3) * 10; // classes 0, 10, 20
        std::array<double, 4> x{0.5, 0.5, 0.5, 1.0};
        x[static_cast<std::size_t>(label / 10)] += 4.0 + static_cast<double>(i % 5);
        toy.X.insert(toy.X.end(), x.begin(), x.end());
        toy.y.push_back(label);
    }
    return toy;
}

SgdClassifier trained(SgdParams params, std::size_t n = 30) {
    SgdClassifier model(params, {20, 0, 10}, 4);
    const Toy toy = toy_stream(n);
    model.partial_fit_batch(toy.X, toy.y);
    return model;
}

std::vector<double> all_weights(const SgdClassifier& m) {
    std::vector<double> w;
    for (std::size_t r = 0; r < m.n_coef_rows(); ++r)
        w.insert(w.end(), m.coef(r).begin(), m.coef(r).end());
    w.insert(w.end(), m.intercept().begin(), m.intercept().end());
    return w;
}

TEST(SgdNames, ParseAndPrintRoundTrip) {
    for (const Loss l : {Loss::Log, Loss::Hinge})
        EXPECT_EQ(parse_loss(to_string(l)), l);
    for (const Penalty p : {Penalty::None, Penalty::L1, Penalty::L2})
        EXPECT_EQ(parse_penalty(to_string(p)), p);
    EXPECT_EQ(parse_loss("log_loss"), Loss::Log);
    EXPECT_THROW(parse_loss("squared_error"), std::invalid_argument);
    EXPECT_THROW(parse_loss(""), std::invalid_argument);
    EXPECT_THROW(parse_penalty("elasticnet"), std::invalid_argument);
    EXPECT_THROW(parse_penalty("L1"), std::invalid_argument);
}

TEST(SgdClassifier, RejectsBadConstruction) {
    for (const double alpha : {0.0, -0.1, kNaN, kInf})
        EXPECT_THROW(SgdClassifier({Loss::Log, Penalty::L1, alpha}, {0, 1}, 4),
                     std::invalid_argument)
            << alpha;
    EXPECT_THROW(SgdClassifier({}, {7}, 4), std::invalid_argument);
    EXPECT_THROW(SgdClassifier({}, {7, 7}, 4), std::invalid_argument);
    EXPECT_THROW(SgdClassifier({}, {}, 4), std::invalid_argument);
    EXPECT_THROW(SgdClassifier({}, {0, 1}, 0), std::invalid_argument);
}

TEST(SgdClassifier, ShapesFollowScikitLearn) {
    SgdClassifier multi({}, {5, 1, 3, 3}, 4);
    EXPECT_EQ(multi.classes(), (std::vector<int>{1, 3, 5})); // sorted, unique
    EXPECT_EQ(multi.n_coef_rows(), 3u);
    EXPECT_EQ(multi.coef(2).size(), 4u);
    EXPECT_EQ(multi.intercept().size(), 3u);
    EXPECT_THROW(multi.coef(3), std::out_of_range);
    EXPECT_EQ(multi.t(), 1.0);
    EXPECT_EQ(multi.samples_seen(), 0u);

    SgdClassifier binary({}, {8, 3}, 4); // two classes: one row scoring 8 against 3
    EXPECT_EQ(binary.n_coef_rows(), 1u);
    EXPECT_EQ(binary.intercept().size(), 1u);
    EXPECT_THROW(binary.coef(1), std::out_of_range);
}

TEST(SgdClassifier, CountsSamplesAndT) {
    SgdClassifier model({}, {0, 10, 20}, 4);
    const Toy toy = toy_stream(7);
    model.partial_fit(std::span<const double>(toy.X).first(4), toy.y[0]);
    model.partial_fit_batch(std::span<const double>(toy.X).subspan(4), std::span(toy.y).subspan(1));
    EXPECT_EQ(model.samples_seen(), 7u);
    EXPECT_EQ(model.t(), 8.0);
}

TEST(SgdClassifier, UntrainedModelAnswersFirstClass) {
    const SgdClassifier model({}, {4, 2, 9}, 4);
    EXPECT_EQ(model.predict(std::array<double, 4>{1, 2, 3, 4}), 2);
    const SgdClassifier binary({}, {4, 2}, 4);
    EXPECT_EQ(binary.predict(std::array<double, 4>{1, 2, 3, 4}), 2); // score 0 is not > 0
}

TEST(SgdClassifier, TiesGoToTheFirstClass) {
    SgdClassifier model({}, {0, 1, 2}, 2);
    model.restore({0, 0, 1, 1, 1, 1}, {0, 0, 0}, 1.0, 0);
    EXPECT_EQ(model.predict(std::array<double, 2>{1, 1}), 1);
    model.restore({0, 0, 1, 1, 0, 2}, {0, 0, 0}, 1.0, 0);
    EXPECT_EQ(model.predict(std::array<double, 2>{1, 1}), 1);
    EXPECT_EQ(model.predict(std::array<double, 2>{0, 1}), 2);
}

TEST(SgdClassifier, LearnsTheToyProblem) {
    for (const Penalty p : {Penalty::None, Penalty::L1, Penalty::L2}) {
        for (const Loss l : {Loss::Log, Loss::Hinge}) {
            const SgdClassifier model = trained({l, p, 0.001}, 60);
            const Toy toy = toy_stream(9);
            for (std::size_t i = 0; i < toy.y.size(); ++i)
                EXPECT_EQ(model.predict(std::span<const double>(toy.X).subspan(i * 4, 4)), toy.y[i])
                    << to_string(l) << "/" << to_string(p) << " sample " << i;
        }
    }
}

TEST(SgdClassifier, OneSampleBatchEqualsPerSampleCall) {
    SgdClassifier a({Loss::Log, Penalty::L2, 0.01}, {0, 10, 20}, 4);
    SgdClassifier b = a;
    const Toy toy = toy_stream(12);
    for (std::size_t i = 0; i < toy.y.size(); ++i) {
        const auto x = std::span<const double>(toy.X).subspan(i * 4, 4);
        a.partial_fit(x, toy.y[i]);
        b.partial_fit_batch(x, std::span<const int>(&toy.y[i], 1));
    }
    EXPECT_EQ(all_weights(a), all_weights(b));
}

TEST(SgdClassifier, BadTrainingInputLeavesModelUntouched) {
    SgdClassifier model = trained({});
    const auto before = all_weights(model);
    const std::array<double, 4> x{1, 2, 3, 4};
    EXPECT_THROW(model.partial_fit(x, 5), std::invalid_argument); // not a class
    EXPECT_THROW(model.partial_fit(std::span<const double>(x).first(3), 0), std::invalid_argument);
    EXPECT_THROW(model.partial_fit(std::array<double, 4>{1, kNaN, 3, 4}, 0), std::invalid_argument);
    EXPECT_THROW(model.partial_fit(std::array<double, 4>{1, kInf, 3, 4}, 0), std::invalid_argument);
    const std::array<int, 2> two_labels{0, 10};
    EXPECT_THROW(model.partial_fit_batch(x, two_labels), std::invalid_argument);
    EXPECT_THROW(model.partial_fit_batch({}, {}), std::invalid_argument);
    const std::array<double, 8> X{1, 2, 3, 4, 1, 2, 3, 4};
    const std::array<int, 2> late_bad{0, 99}; // rejected before the first row is applied
    EXPECT_THROW(model.partial_fit_batch(X, late_bad), std::invalid_argument);
    EXPECT_EQ(all_weights(model), before);
    EXPECT_EQ(model.samples_seen(), 30u);
}

TEST(SgdClassifier, OverflowIsReportedAndRolledBack) {
    SgdClassifier model({Loss::Hinge, Penalty::None, 1e-300}, {0, 1, 2}, 2);
    const std::array<double, 2> huge{1e300, -1e300};
    EXPECT_THROW(model.partial_fit(huge, 1), std::overflow_error);
    EXPECT_EQ(model.samples_seen(), 0u);
    EXPECT_EQ(model.t(), 1.0);
    for (const double w : all_weights(model))
        EXPECT_EQ(w, 0.0);
}

TEST(SgdClassifier, PredictRejectsBadInput) {
    const SgdClassifier model = trained({});
    EXPECT_THROW(model.predict(std::array<double, 3>{1, 2, 3}), std::invalid_argument);
    EXPECT_THROW(model.predict(std::array<double, 4>{1, 2, kNaN, 4}), std::invalid_argument);
    std::array<double, 2> too_few{};
    EXPECT_THROW(model.decision_function(std::array<double, 4>{1, 2, 3, 4}, too_few),
                 std::invalid_argument);
    EXPECT_THROW(model.predict_proba(std::array<double, 4>{1, 2, 3, 4}, too_few),
                 std::invalid_argument);
}

TEST(SgdClassifier, ProbabilitiesSumToOneAndRankLikePredict) {
    const SgdClassifier model = trained({Loss::Log, Penalty::L1, 0.01});
    const Toy toy = toy_stream(6);
    std::array<double, 3> proba{};
    std::array<double, 3> scores{};
    for (std::size_t i = 0; i < toy.y.size(); ++i) {
        const auto x = std::span<const double>(toy.X).subspan(i * 4, 4);
        model.predict_proba(x, proba);
        model.decision_function(x, scores);
        EXPECT_NEAR(std::accumulate(proba.begin(), proba.end(), 0.0), 1.0, 1e-12);
        const auto top = std::max_element(proba.begin(), proba.end()) - proba.begin();
        EXPECT_EQ(model.classes()[static_cast<std::size_t>(top)], model.predict(x));
        // Normalised one-vs-rest expit, as scikit-learn computes it.
        double sum = 0.0;
        for (const double s : scores)
            sum += 1.0 / (1.0 + std::exp(-s));
        EXPECT_DOUBLE_EQ(proba[0], 1.0 / (1.0 + std::exp(-scores[0])) / sum);
    }
}

TEST(SgdClassifier, BinaryProbabilitiesAreComplementary) {
    SgdClassifier model({}, {3, 8}, 2);
    model.restore({0.5, -0.25}, {0.1}, 2.0, 1);
    std::array<double, 2> proba{};
    model.predict_proba(std::array<double, 2>{2, 2}, proba);
    const double p = 1.0 / (1.0 + std::exp(-(0.5 * 2 - 0.25 * 2 + 0.1)));
    EXPECT_DOUBLE_EQ(proba[1], p);
    EXPECT_DOUBLE_EQ(proba[0], 1.0 - p);
    EXPECT_EQ(model.predict(std::array<double, 2>{2, 2}), 8);
    EXPECT_EQ(model.predict(std::array<double, 2>{-2, 2}), 3);
}

TEST(SgdClassifier, ProbabilitiesStayFiniteWhenEveryExpitUnderflows) {
    SgdClassifier model({}, {0, 1, 2}, 1);
    model.restore({0, 0, 0}, {-2000, -1000, -1001}, 1.0, 0);
    std::array<double, 3> proba{};
    model.predict_proba(std::array<double, 1>{0}, proba);
    EXPECT_NEAR(proba[0], 0.0, 1e-300);
    EXPECT_NEAR(proba[1], 1.0 / (1.0 + std::exp(-1.0)), 1e-15);
    EXPECT_NEAR(proba[1] + proba[2], 1.0, 1e-15);
}

TEST(SgdClassifier, HingeHasNoProbabilities) {
    const SgdClassifier model = trained({Loss::Hinge, Penalty::L2, 0.01});
    std::array<double, 3> proba{};
    EXPECT_THROW(model.predict_proba(std::array<double, 4>{1, 2, 3, 4}, proba), std::logic_error);
}

TEST(SgdClassifier, RestoreValidatesEverything) {
    SgdClassifier model = trained({});
    const auto before = all_weights(model);
    EXPECT_THROW(model.restore(std::vector<double>(11), {0, 0, 0}, 1.0, 0), std::invalid_argument);
    EXPECT_THROW(model.restore(std::vector<double>(12), {0, 0}, 1.0, 0), std::invalid_argument);
    std::vector<double> nan_weights(12, 0.0);
    nan_weights[5] = kNaN;
    EXPECT_THROW(model.restore(nan_weights, {0, 0, 0}, 1.0, 0), std::invalid_argument);
    EXPECT_THROW(model.restore(std::vector<double>(12), {0, kInf, 0}, 1.0, 0),
                 std::invalid_argument);
    EXPECT_THROW(model.restore(std::vector<double>(12), {0, 0, 0}, 0.5, 0), std::invalid_argument);
    EXPECT_THROW(model.restore(std::vector<double>(12), {0, 0, 0}, kNaN, 0), std::invalid_argument);
    EXPECT_EQ(all_weights(model), before);

    model.restore(std::vector<double>(12, 0.25), {1, 2, 3}, 42.0, 41);
    EXPECT_EQ(model.coef(1)[3], 0.25);
    EXPECT_EQ(model.intercept()[2], 3.0);
    EXPECT_EQ(model.t(), 42.0);
    EXPECT_EQ(model.samples_seen(), 41u);
}

} // namespace
