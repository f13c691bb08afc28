#include "digits/default_model.hpp"

#include <numeric>
#include <random>
#include <stdexcept>

namespace liveml::digits {
namespace {

using liveml::online::SgdClassifier;

SgdClassifier new_learner() {
    std::vector<int> classes(10);
    std::iota(classes.begin(), classes.end(), 0);
    return SgdClassifier({liveml::online::Loss::Log, liveml::online::Penalty::L1, 0.01},
                         std::move(classes), kFeatures);
}

// Fisher-Yates with the top bits of a 64-bit Mersenne Twister: unlike std::shuffle, the
// same order with every standard library.
void seeded_shuffle(std::vector<std::size_t>& order, std::mt19937_64& rng) {
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>((rng() >> 11) % i);
        std::swap(order[i - 1], order[j]);
    }
}

SgdClassifier train(const std::vector<DigitSample>& data, int passes, std::uint64_t seed) {
    if (data.empty()) throw std::invalid_argument("train_default_model: no samples");
    if (passes < 1) throw std::invalid_argument("train_default_model: passes must be >= 1");
    auto learner = new_learner();
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> order(data.size());
    for (int pass = 0; pass < passes; ++pass) {
        std::iota(order.begin(), order.end(), std::size_t{0});
        seeded_shuffle(order, rng);
        for (const auto i : order)
            learner.partial_fit(to_doubles(data[i].x), data[i].label);
    }
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
