#include "drift/adwin.hpp"

#include "drift/detector_state.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace liveml::drift {

namespace {

double bucket_size(std::size_t row) {
    return std::ldexp(1.0, static_cast<int>(row));
}

} // namespace

void Adwin::BucketRow::push(double t, double v) {
    total[static_cast<std::size_t>(size)] = t;
    variance[static_cast<std::size_t>(size)] = v;
    ++size;
}

void Adwin::BucketRow::drop_front(int n) {
    for (int i = n; i < size; ++i) {
        total[static_cast<std::size_t>(i - n)] = total[static_cast<std::size_t>(i)];
        variance[static_cast<std::size_t>(i - n)] = variance[static_cast<std::size_t>(i)];
    }
    size -= n;
}

Adwin::Adwin(double delta) : delta_(delta) {
    if (!(delta > 0.0 && delta < 1.0))
        throw std::invalid_argument("ADWIN's delta must be in (0, 1)");
    reset();
}

void Adwin::reset() {
    rows_.assign(1, BucketRow{});
    total_ = variance_ = width_ = 0.0;
    tick_ = 0;
}

void Adwin::update(double x) {
    if (drift_) reset();
    insert(x);
    drift_ = detect_change();
}

void Adwin::insert(double x) {
    rows_.front().push(x, 0.0);
    width_ += 1.0;
    if (width_ > 1.0) {
        const double d = x - total_ / (width_ - 1.0);
        variance_ += (width_ - 1.0) * d * d / width_;
    }
    total_ += x;
    compress();
}

// A row that overflows merges its two oldest buckets into one of the next size.
void Adwin::compress() {
    for (std::size_t row = 0; row < rows_.size(); ++row) {
        BucketRow& bucket = rows_[row];
        if (bucket.size != kMaxBuckets + 1) break;
        if (row + 1 == rows_.size()) rows_.emplace_back();
        const double n = bucket_size(row);
        const double mu1 = bucket.total[0] / n;
        const double mu2 = bucket.total[1] / n;
        const double merged_var =
            bucket.variance[0] + bucket.variance[1] + n * n * (mu1 - mu2) * (mu1 - mu2) / (n + n);
        rows_[row + 1].push(bucket.total[0] + bucket.total[1], merged_var);
        rows_[row].drop_front(2);
        if (rows_[row + 1].size <= kMaxBuckets) break;
    }
}

double Adwin::delete_oldest() {
    BucketRow& bucket = rows_.back();
    const double n = bucket_size(rows_.size() - 1);
    const double u = bucket.total[0];
    const double mu = u / n;
    const double v = bucket.variance[0];
    width_ -= n;
    total_ -= u;
    const double mu_window = total_ / width_;
    variance_ -= v + n * width_ * (mu - mu_window) * (mu - mu_window) / (n + width_);
    bucket.drop_front(1);
    if (bucket.size == 0) rows_.pop_back();
    return n;
}

bool Adwin::cut_differs(double n0, double n1, double delta_mean) const {
    const double delta_prime = std::log(2.0 * std::log(width_) / delta_);
    const double m_recip =
        1.0 / (n0 - kMinWindowLength + 1.0) + 1.0 / (n1 - kMinWindowLength + 1.0);
    const double epsilon = std::sqrt(2.0 * m_recip * (variance_ / width_) * delta_prime) +
                           2.0 / 3.0 * delta_prime * m_recip;
    return std::abs(delta_mean) > epsilon;
}

bool Adwin::detect_change() {
    ++tick_;
    if (tick_ % kClock != 0 || !(width_ > kGracePeriod)) return false;
    bool detected = false;
    bool shrink = true;
    while (shrink) {
        shrink = false;
        double n0 = 0.0, n1 = width_, u0 = 0.0, u1 = total_;
        bool done = false;
        for (std::size_t idx = rows_.size(); idx-- > 0 && !done;) {
            const BucketRow& bucket = rows_[idx];
            const double n2 = bucket_size(idx);
            for (int k = 0; k + 1 < bucket.size; ++k) {
                n0 += n2;
                n1 -= n2;
                u0 += bucket.total[static_cast<std::size_t>(k)];
                u1 -= bucket.total[static_cast<std::size_t>(k)];
                // (River's exit test for the newest bucket of row 0 cannot fire: k stops one
                // short of it.)
                if (n1 >= kMinWindowLength && n0 >= kMinWindowLength &&
                    cut_differs(n0, n1, u0 / n0 - u1 / n1)) {
                    if (!detected) rise_ = u1 / n1 > u0 / n0;
                    shrink = true;
                    detected = true;
                    if (width_ > 0.0) delete_oldest();
                    done = true;
                    break;
                }
            }
        }
    }
    return detected;
}

void Adwin::write_state(StateWriter& out) const {
    out.word("adwin");
    out.real(delta_);
    out.count(rows_.size());
    for (const auto& row : rows_) {
        out.count(static_cast<std::uint64_t>(row.size));
        for (int i = 0; i < row.size; ++i) {
            out.real(row.total[static_cast<std::size_t>(i)]);
            out.real(row.variance[static_cast<std::size_t>(i)]);
        }
    }
    out.real(total_);
    out.real(variance_);
    out.real(width_);
    out.count(tick_);
    out.count(drift_);
    out.count(rise_);
}

void Adwin::read_state(StateReader& in) {
    // Bucket sizes double per row: 64 rows would hold more values than any stream has.
    constexpr std::uint64_t kMaxRows = 64;
    in.expect("adwin", "the detector kind");
    if (in.real("ADWIN's delta") != delta_)
        throw DetectorStateError("drift detector state is for another ADWIN delta");
    Adwin next(delta_);
    next.rows_.assign(in.count("the row count", kMaxRows), BucketRow{});
    if (next.rows_.empty()) throw DetectorStateError("drift detector state has no ADWIN rows");
    double width = 0.0;
    for (std::size_t r = 0; r < next.rows_.size(); ++r) {
        BucketRow& row = next.rows_[r];
        const auto size = static_cast<int>(in.count("a row's bucket count", kMaxBuckets));
        for (int i = 0; i < size; ++i) {
            const double total = in.finite_real("a bucket's total");
            const double variance = in.finite_real("a bucket's variance");
            if (variance < 0.0) throw DetectorStateError("drift detector state: negative variance");
            row.push(total, variance);
        }
        width += size * bucket_size(r);
    }
    next.total_ = in.finite_real("the window total");
    next.variance_ = in.finite_real("the window variance");
    next.width_ = in.finite_real("the window width");
    if (next.width_ != width)
        throw DetectorStateError(
            "drift detector state: the window width does not match its buckets");
    next.tick_ = in.count("the clock", UINT64_MAX);
    next.drift_ = in.flag("the drift flag");
    next.rise_ = in.flag("the rise flag");
    *this = std::move(next);
}

} // namespace liveml::drift
