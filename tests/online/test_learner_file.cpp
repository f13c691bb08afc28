// Every learner through the model file: a saved model loads back as the same kind with the
// same answers and the same bytes, and cut or corrupted files are refused.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "online/learner_registry.hpp"
#include "online/model_file.hpp"

using namespace liveml::online;

namespace {

constexpr std::size_t kFeatures = 64;

struct Samples {
    std::vector<double> X;
    std::vector<int> y;
    std::span<const double> row(std::size_t i) const {
        return std::span<const double>(X).subspan(i * kFeatures, kFeatures);
    }
};

// Digit-like rows: counts 0..16 whose mean depends on the label, so learners learn something.
Samples make_samples(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    Samples s;
    for (std::size_t i = 0; i < n; ++i) {
        const int label = static_cast<int>(rng() % 10);
        for (std::size_t j = 0; j < kFeatures; ++j) {
            const bool ink = (j * 7 + static_cast<std::size_t>(label) * 13) % 10 < 5;
            s.X.push_back(static_cast<double>((ink ? 8 : 0) + static_cast<int>(rng() % 9)));
        }
        s.y.push_back(label);
    }
    return s;
}

std::unique_ptr<OnlineClassifier> trained(std::string_view name, const Samples& s) {
    auto model = make_learner(name, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, kFeatures);
    for (std::size_t i = 0; i < s.y.size(); ++i)
        model->partial_fit(s.row(i), s.y[i]);
    return model;
}

class LearnerFile : public ::testing::TestWithParam<std::string_view> {};

TEST_P(LearnerFile, RoundTripsExactly) {
    const Samples s = make_samples(300, 5);
    const auto model = trained(GetParam(), s);
    const std::string bytes = serialize_model(*model, {{"source", "test"}});
    const SavedLearner back = deserialize_learner(bytes);
    ASSERT_EQ(back.model->kind(), GetParam());
    EXPECT_EQ(back.model->samples_seen(), model->samples_seen());
    EXPECT_EQ(back.metadata.at("source"), "test");
    EXPECT_EQ(serialize_model(*back.model, back.metadata), bytes);
    const Samples probe = make_samples(100, 6);
    for (std::size_t i = 0; i < probe.y.size(); ++i)
        EXPECT_EQ(back.model->predict(probe.row(i)), model->predict(probe.row(i)));
    // The reloaded model keeps learning exactly like the original.
    const auto copy = model->clone();
    copy->partial_fit(probe.row(0), probe.y[0]);
    back.model->partial_fit(probe.row(0), probe.y[0]);
    EXPECT_EQ(serialize_model(*back.model), serialize_model(*copy));
}

TEST_P(LearnerFile, RefusesEveryTruncationAndFlippedByte) {
    const std::string bytes = serialize_model(*trained(GetParam(), make_samples(50, 7)));
    for (std::size_t n = 0; n < bytes.size(); ++n)
        EXPECT_THROW(deserialize_learner(bytes.substr(0, n)), ModelFormatError) << "cut at " << n;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string bad = bytes;
        bad[i] = static_cast<char>(bad[i] ^ 0x5a);
        EXPECT_THROW(deserialize_learner(bad), ModelFormatError) << "byte " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(All, LearnerFile, ::testing::ValuesIn(learner_names()),
                         [](const ::testing::TestParamInfo<std::string_view>& info) {
                             return std::string(info.param);
                         });

TEST(LearnerFileVersions, SgdStaysVersionOneOthersAreVersionTwo) {
    const Samples s = make_samples(20, 8);
    for (const std::string_view name : learner_names()) {
        const std::string bytes = serialize_model(*trained(name, s));
        const std::uint32_t version = static_cast<unsigned char>(bytes[8]);
        EXPECT_EQ(version,
                  name == SgdClassifier::kKind ? kModelFormatVersion : kLearnerModelFormatVersion)
            << name;
    }
}

TEST(LearnerFileVersions, SgdOnlyReaderNamesTheOtherLearner) {
    const std::string bytes = serialize_model(*trained("perceptron", make_samples(20, 9)));
    try {
        deserialize_model(bytes);
        FAIL() << "a perceptron file loaded as SGD";
    } catch (const ModelFormatError& e) {
        EXPECT_NE(std::string(e.what()).find("perceptron"), std::string::npos) << e.what();
    }
}

TEST(LearnerRegistry, UnknownNameListsTheKnownOnes) {
    try {
        make_learner("forest", {0, 1}, 4);
        FAIL();
    } catch (const std::invalid_argument& e) {
        for (const std::string_view name : learner_names())
            EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
    }
}

} // namespace
