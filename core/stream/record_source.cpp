#include "stream/record_source.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <stdexcept>

#include "common/file_bytes.hpp"
#include "stream/digit_record.hpp"
#include "stream/record_encoder.hpp"

namespace liveml::stream {

const std::vector<std::string>& drift_scenario_names() {
    static const std::vector<std::string> names{"label-swap", "gradual-writer", "new-writer"};
    return names;
}

std::optional<DriftScenario::Kind> drift_scenario_kind(std::string_view name) {
    const auto& names = drift_scenario_names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) return std::nullopt;
    return static_cast<DriftScenario::Kind>(1 + (it - names.begin()));
}

digits::Distortion new_writer_distortion(double strength) {
    // Beyond the canvas preset's augmentation ranges (12°, 0.3, ±15%), so that a model
    // trained on the bundled digits meets shapes it has not learned.
    return {25.0 * strength, 0.5 * strength, 1.0 - 0.35 * strength};
}

DigitsRecordSource::DigitsRecordSource(std::vector<digits::DigitSample> samples, std::uint64_t seed,
                                       DriftScenario drift)
    : drift_(drift), samples_(std::move(samples)), order_(samples_.size()), random_(seed) {
    if (samples_.empty()) throw std::invalid_argument("no digit samples to produce");
    if (drift_.span == 0) throw std::invalid_argument("a drift's span is at least 1 record");
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::shuffle(order_.begin(), order_.end(), random_);
}

std::string_view DigitsRecordSource::next() {
    if (position_ == order_.size()) {
        std::shuffle(order_.begin(), order_.end(), random_);
        position_ = 0;
    }
    const auto& sample = samples_[order_[position_++]];
    DigitRecord record;
    record.x = sample.x;
    record.label = sample.label;
    const std::uint64_t index = produced_++;
    if (drift_.kind != DriftScenario::Kind::kNone && index >= drift_.at) {
        switch (drift_.kind) {
        case DriftScenario::Kind::kLabelSwap:
            record.label ^= 1;
            break;
        case DriftScenario::Kind::kGradualWriter:
            record.x = digits::distort(
                sample.x, new_writer_distortion(
                              std::min(1.0, double(index - drift_.at + 1) / double(drift_.span))));
            break;
        case DriftScenario::Kind::kNewWriter:
            record.x = digits::distort(sample.x, new_writer_distortion(1.0));
            break;
        case DriftScenario::Kind::kNone:
            break;
        }
    }
    record.ts_epoch_s = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    buffer_.clear();
    append_source_record(buffer_, record);
    return buffer_;
}

JsonLinesRecordSource::JsonLinesRecordSource(const std::filesystem::path& path) {
    const std::string text = read_file_bytes(path, std::size_t{1} << 30);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) lines_.emplace_back(line);
        start = end + 1;
    }
    if (lines_.empty()) throw std::runtime_error(path.string() + ": no records (all lines empty)");
}

std::string_view JsonLinesRecordSource::next() {
    if (position_ == lines_.size()) position_ = 0;
    return lines_[position_++];
}

} // namespace liveml::stream
