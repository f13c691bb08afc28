#include "digits/default_model.hpp"

#include <numeric>

#include "digits/seeded_training.hpp"

namespace liveml::digits {
namespace {

using liveml::online::SgdClassifier;

SgdClassifier new_learner() {
    std::vector<int> classes(10);
    std::iota(classes.begin(), classes.end(), 0);
    return SgdClassifier({liveml::online::Loss::Log, liveml::online::Penalty::L1, 0.01},
                         std::move(classes), kFeatures);
}

SgdClassifier train(const std::vector<DigitSample>& data, int passes, std::uint64_t seed) {
    auto learner = new_learner();
    train_in_seeded_order(learner, data, passes, seed);
    return learner;
}

} // namespace

SgdClassifier train_default_model(const std::vector<DigitSample>& data,
                                  const DefaultModelOptions& options) {
    return train(augment_digits(data, options.augment), options.passes, options.order_seed);
}

SgdClassifier train_plain_model(const std::vector<DigitSample>& data, int passes,
                                std::uint64_t order_seed) {
    return train(data, passes, order_seed);
}

} // namespace liveml::digits
