// The trainer calls partial_fit and predict ~200k times a second: neither may touch the heap.
// This binary replaces the global operator new to count allocations around those calls.
#include "online/sgd_classifier.hpp"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> g_allocations{0};
} // namespace

void* operator new(std::size_t size) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}

using namespace liveml::online;

namespace {

TEST(SgdClassifierHotPath, CounterSeesAllocations) {
    const long before = g_allocations.load();
    const SgdClassifier model({}, {0, 1, 2}, 8); // sizes its weights and scratch space
    EXPECT_GT(g_allocations.load() - before, 0);
    EXPECT_EQ(model.n_coef_rows(), 3u);
}

TEST(SgdClassifierHotPath, PartialFitAndPredictDoNotAllocate) {
    for (const Penalty penalty : {Penalty::L1, Penalty::L2, Penalty::None}) {
        SgdClassifier model({Loss::Log, penalty, 0.01}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 64);
        std::array<double, 64> x{};
        std::array<double, 10> proba{};
        int predicted = 0;
        const long before = g_allocations.load();
        for (int i = 0; i < 200; ++i) {
            for (std::size_t j = 0; j < x.size(); ++j)
                x[j] = static_cast<double>((i * 7 + static_cast<int>(j) * 3) % 17);
            model.partial_fit(x, i % 10);
            predicted += model.predict(x);
            model.predict_proba(x, proba);
        }
        const std::array<double, 128> batch{};
        const std::array<int, 2> labels{3, 4};
        model.partial_fit_batch(batch, labels);
        const long allocations = g_allocations.load() - before;
        EXPECT_EQ(allocations, 0) << to_string(penalty);
        EXPECT_GT(predicted, 0); // the calls really ran
    }
}

} // namespace
