#pragma once
// CPython's random.Random (MT19937 seeded by init_by_array, random() from two draws) and the
// two random.choices forms River's examples use, so its documented outputs can be replayed.
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace liveml::testing {

class PythonRandom {
  public:
    explicit PythonRandom(std::uint32_t seed) { init_by_array(seed); }

    double random() {
        const std::uint32_t a = next() >> 5;
        const std::uint32_t b = next() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }
    // choices(population, k=k): population[floor(random() * n)].
    std::vector<double> choices(const std::vector<double>& population, int k) {
        std::vector<double> out;
        for (int i = 0; i < k; ++i)
            out.push_back(population[static_cast<std::size_t>(
                std::floor(random() * static_cast<double>(population.size())))]);
        return out;
    }
    // choices(population, weights, k=k) for two items: bisect on the cumulative weights.
    std::vector<double> choices2(const std::vector<double>& population, double w0, double w1,
                                 int k) {
        const double c0 = w0;
        const double total = w0 + w1;
        std::vector<double> out;
        for (int i = 0; i < k; ++i)
            out.push_back(population[random() * total < c0 ? 0 : 1]);
        return out;
    }

  private:
    static constexpr int kN = 624;
    static constexpr int kM = 397;

    void init_genrand(std::uint32_t s) {
        mt_[0] = s;
        for (mti_ = 1; mti_ < kN; ++mti_)
            mt_[mti_] = 1812433253u * (mt_[mti_ - 1] ^ (mt_[mti_ - 1] >> 30)) +
                        static_cast<std::uint32_t>(mti_);
    }
    // CPython seeds an int through init_by_array with its 32-bit words (one word here).
    void init_by_array(std::uint32_t key) {
        init_genrand(19650218u);
        int i = 1;
        int j = 0;
        for (int k = kN; k; --k) {
            mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key +
                     static_cast<std::uint32_t>(j);
            ++i;
            j = 0; // key length 1
            if (i >= kN) {
                mt_[0] = mt_[kN - 1];
                i = 1;
            }
        }
        for (int k = kN - 1; k; --k) {
            mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) -
                     static_cast<std::uint32_t>(i);
            ++i;
            if (i >= kN) {
                mt_[0] = mt_[kN - 1];
                i = 1;
            }
        }
        mt_[0] = 0x80000000u;
        mti_ = kN;
    }
    std::uint32_t next() {
        constexpr std::uint32_t kUpper = 0x80000000u, kLower = 0x7fffffffu;
        constexpr std::uint32_t kMag[2] = {0u, 0x9908b0dfu};
        if (mti_ >= kN) {
            int kk = 0;
            for (; kk < kN - kM; ++kk) {
                const std::uint32_t y = (mt_[kk] & kUpper) | (mt_[kk + 1] & kLower);
                mt_[kk] = mt_[kk + kM] ^ (y >> 1) ^ kMag[y & 1u];
            }
            for (; kk < kN - 1; ++kk) {
                const std::uint32_t y = (mt_[kk] & kUpper) | (mt_[kk + 1] & kLower);
                mt_[kk] = mt_[kk + (kM - kN)] ^ (y >> 1) ^ kMag[y & 1u];
            }
            const std::uint32_t y = (mt_[kN - 1] & kUpper) | (mt_[0] & kLower);
            mt_[kN - 1] = mt_[kM - 1] ^ (y >> 1) ^ kMag[y & 1u];
            mti_ = 0;
        }
        std::uint32_t y = mt_[mti_++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    std::array<std::uint32_t, kN> mt_{};
    int mti_ = kN + 1;
};

} // namespace liveml::testing
