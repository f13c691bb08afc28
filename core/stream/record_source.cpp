#include "stream/record_source.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <stdexcept>

#include "common/file_bytes.hpp"
#include "stream/digit_record.hpp"
#include "stream/record_encoder.hpp"

namespace liveml::stream {

DigitsRecordSource::DigitsRecordSource(std::vector<digits::DigitSample> samples, std::uint64_t seed)
    : samples_(std::move(samples)), order_(samples_.size()), random_(seed) {
    if (samples_.empty()) throw std::invalid_argument("no digit samples to produce");
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
