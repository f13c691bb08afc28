// The distillation loss terms against values computed by hand (softmax and KL written out in
// the comments) on tiny tensors.
#include "clip/contrastive_loss.hpp"
#include "clip/distill_loss.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace liveml::clip {
namespace {

double value(const torch::Tensor& t) {
    return t.item<double>();
}

torch::Tensor rows(std::initializer_list<float> values, std::int64_t cols) {
    const auto n = static_cast<std::int64_t>(values.size());
    return torch::tensor(std::vector<float>(values)).view({n / cols, cols});
}

// p = softmax([1, 0]) = [e/(e+1), 1/(e+1)] = [0.731059, 0.268941], q = softmax([0, 0]) = ½.
// KL(p‖q) = Σ p ln(p/q) = 0.110944; KL(q‖p) = 0.120115: the two directions differ.
TEST(DistillLoss, KlTakesTheTargetFirstAndBothDirectionsDiffer) {
    const auto peaked = rows({1, 0}, 2);
    const auto flat = rows({0, 0}, 2);
    EXPECT_NEAR(value(softened_kl(peaked, flat, 1.0)), 0.110944, 1e-6);
    EXPECT_NEAR(value(softened_kl(flat, peaked, 1.0)), 0.120115, 1e-6);
    // Three classes: KL(softmax[3,1,0] ‖ softmax[0,2,1]) = 1.612939, reversed 1.402118.
    const auto a = rows({3, 1, 0}, 3);
    const auto b = rows({0, 2, 1}, 3);
    EXPECT_NEAR(value(softened_kl(a, b, 1.0)), 1.612939, 1e-5);
    EXPECT_NEAR(value(softened_kl(b, a, 1.0)), 1.402118, 1e-5);
    EXPECT_NEAR(value(softened_kl(a, a, 1.0)), 0.0, 1e-7);
}

// T = 2: p = softmax([0.5, 0]) = [0.622459, 0.377541] against ½ gives KL 0.030300, times
// T² = 4: 0.121199. With [3,1,0] vs [0,2,1]: 4 · KL(softmax[1.5,.5,0] ‖ softmax[0,1,.5]) =
// 1.891857.
TEST(DistillLoss, TemperatureSoftensAndScalesByItsSquare) {
    EXPECT_NEAR(value(softened_kl(rows({1, 0}, 2), rows({0, 0}, 2), 2.0)), 0.121199, 1e-6);
    EXPECT_NEAR(value(softened_kl(rows({3, 1, 0}, 3), rows({0, 2, 1}, 3), 2.0)), 1.891857, 1e-5);
}

// Rows of a 1x2 matrix are one image over two texts; its columns are two texts over one
// image, each a one-point distribution, so the column KL is 0 and the mean halves the row KL.
TEST(DistillLoss, SimilarityKlAveragesRowsAndColumns) {
    EXPECT_NEAR(value(similarity_kl(rows({1, 0}, 2), rows({0, 0}, 2), 1.0)), 0.110944 / 2, 1e-6);
}

// logits [[2,1],[0,1]], one positive per row on the diagonal.
// Rows: −ln softmax([2,1])₀ = ln(1+e⁻¹) = 0.313262; −ln softmax([0,1])₁ = 0.313262.
// Columns: −ln softmax([2,0])₀ = ln(1+e⁻²) = 0.126928; −ln softmax([1,1])₁ = ln 2 = 0.693147.
// Symmetric CE = (0.313262 + (0.126928 + 0.693147)/2) / 2 = 0.361650.
TEST(DistillLoss, TaskCeIsSymmetric) {
    const auto groups = torch::tensor(std::vector<std::int64_t>{0, 1});
    EXPECT_NEAR(value(contrastive_loss(rows({2, 1, 0, 1}, 2), groups, groups)), 0.361650, 1e-6);
}

// [3,4] normalises to [0.6,0.8]; against [1,0] the squared differences are 0.16 and 0.64,
// mean 0.4. Scale does not matter: the rows are normalised first.
TEST(DistillLoss, FeatureMseComparesNormalisedEmbeddings) {
    EXPECT_NEAR(value(feature_mse(rows({3, 4}, 2), rows({1, 0}, 2))), 0.4, 1e-6);
    EXPECT_NEAR(value(feature_mse(rows({3, 4}, 2), rows({30, 40}, 2))), 0.0, 1e-7);
    EXPECT_THROW(feature_mse(rows({1, 0}, 2), rows({1, 0, 0}, 3)), std::invalid_argument);
}

DistillBatch batch_of(const torch::Tensor& student_images, const torch::Tensor& teacher_images) {
    // Two images, two texts; unit rows. Texts equal for both models.
    DistillBatch b;
    b.student_images = student_images;
    b.teacher_images = teacher_images;
    b.student_texts = rows({1, 0, 0, 1}, 2);
    b.teacher_texts = b.student_texts;
    b.student_scale = torch::tensor(1.0f);
    b.teacher_scale = 1.0;
    b.image_groups = torch::tensor(std::vector<std::int64_t>{0, 1});
    b.text_groups = b.image_groups;
    return b;
}

double term(const std::vector<std::pair<std::string, torch::Tensor>>& terms,
            const std::string& name) {
    for (const auto& [n, t] : terms)
        if (n == name) return value(t);
    ADD_FAILURE() << "no term " << name;
    return NAN;
}

// Student images [1,0],[0,1] give logits I (identity); teacher images [1,0],[1,0] give
// logits [[1,0],[1,0]]. Row KL: row 0 equal (0), row 1 KL(softmax[1,0] ‖ softmax[0,1]) =
// (p₀−p₁)·1 = 0.462117, mean 0.231059. Columns: column 0 teacher [1,1] (flat) vs student
// [1,0]: KL(½‖[0.731,0.269]) = 0.120115; column 1 teacher [0,0] vs student [0,1]: same, 0.120115.
// similarity KL = (0.231059 + 0.120115) / 2 = 0.175587. Task CE on logits I:
// ln(1+e⁻¹) = 0.313262 in every row and column.
TEST(DistillLoss, RecipesWeighTheirTerms) {
    const auto b = batch_of(rows({1, 0, 0, 1}, 2), rows({1, 0, 1, 0}, 2));
    const auto seed = distill_terms(DistillLoss::Seed, b, 0.5, 1.0);
    ASSERT_EQ(seed.size(), 2u);
    EXPECT_NEAR(term(seed, "kd"), 0.175587, 1e-5);
    EXPECT_NEAR(term(seed, "ce"), 0.5 * 0.313262, 1e-5);
    const auto affinity = distill_terms(DistillLoss::Affinity, b, 0.5, 1.0);
    ASSERT_EQ(affinity.size(), 1u);
    EXPECT_NEAR(term(affinity, "affinity"), 0.175587, 1e-5);
    const auto kd = distill_terms(DistillLoss::ClipKd, b, 1.0, 1.0);
    ASSERT_EQ(kd.size(), 4u);
    // Images: row 0 equal, row 1 [0,1] vs [1,0]: squared differences 1 and 1, mean over the
    // 4 elements 0.5; texts equal. Times λ_FD = 2000.
    EXPECT_NEAR(term(kd, "fd"), 1000.0, 1e-3);
    EXPECT_NEAR(term(kd, "kd"), 0.175587, 1e-5);
    EXPECT_NEAR(term(kd, "ce"), 0.313262, 1e-5);
    EXPECT_GT(term(kd, "icl"), 0.0);
}

TEST(DistillLoss, AStudentEqualToItsTeacherHasNoDistillationLoss) {
    const auto same = rows({0.6f, 0.8f, 0, 1}, 2);
    const auto terms = distill_terms(DistillLoss::ClipKd, batch_of(same, same), 1.0, 2.0);
    EXPECT_NEAR(term(terms, "kd"), 0.0, 1e-7);
    EXPECT_NEAR(term(terms, "fd"), 0.0, 1e-6);
    // Interactive contrastive then equals the task CE.
    EXPECT_NEAR(term(terms, "icl"), term(terms, "ce"), 1e-6);
}

TEST(DistillLoss, LossNamesRoundTrip) {
    for (const auto loss : {DistillLoss::Seed, DistillLoss::ClipKd, DistillLoss::Affinity})
        EXPECT_EQ(parse_distill_loss(distill_loss_name(loss)), loss);
    EXPECT_FALSE(parse_distill_loss("kl").has_value());
}

} // namespace
} // namespace liveml::clip
