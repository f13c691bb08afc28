#include "digits/seeded_training.hpp"

#include <numeric>
#include <random>
#include <stdexcept>

namespace liveml::digits {

namespace {

// Fisher-Yates with the top bits of a 64-bit Mersenne Twister: unlike std::shuffle, the
// same order with every standard library.
void seeded_shuffle(std::vector<std::size_t>& order, std::mt19937_64& rng) {
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>((rng() >> 11) % i);
        std::swap(order[i - 1], order[j]);
    }
}

} // namespace

void train_in_seeded_order(liveml::online::OnlineClassifier& learner,
                           const std::vector<DigitSample>& data, int passes, std::uint64_t seed) {
    if (data.empty()) throw std::invalid_argument("training needs at least one sample");
    if (passes < 1) throw std::invalid_argument("passes must be >= 1");
    std::mt19937_64 rng(seed);
    std::vector<std::size_t> order(data.size());
    for (int pass = 0; pass < passes; ++pass) {
        std::iota(order.begin(), order.end(), std::size_t{0});
        seeded_shuffle(order, rng);
        for (const auto i : order)
            learner.partial_fit(to_doubles(data[i].x), data[i].label);
    }
}

} // namespace liveml::digits
