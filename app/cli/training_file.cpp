#include "training_file.hpp"

#include <stdexcept>

namespace liveml::cli {
namespace {

static_assert(kLinePadding >= stream::kRecordPadding, "lines go to the decoder without a copy");

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

} // namespace

std::string_view to_string(RecordFormat format) {
    return format == RecordFormat::DigitsCsv ? "digits-csv" : "json-lines";
}

TrainingFile::TrainingFile(const std::filesystem::path& path)
    : path_(path), lines_(path, stream::kMaxRecordBytes) {
    while (lines_.next(pending_)) {
        if (pending_.overlong || is_blank(pending_.text)) continue;
        has_pending_ = true;
        break;
    }
    if (!has_pending_) throw std::runtime_error(path.string() + ": file holds no records");
    const char first = pending_.text[pending_.text.find_first_not_of(" \t\r")];
    if (first == '{') {
        format_ = RecordFormat::JsonLines;
    } else if (first >= '0' && first <= '9') {
        format_ = RecordFormat::DigitsCsv;
    } else {
        throw std::runtime_error(path.string() +
                                 ": neither a digits CSV (65 integers per row) nor JSON lines "
                                 "({\"ts\":…,\"x\":[…],\"actual_y\":…})");
    }
}

TrainingFile::Next TrainingFile::next(digits::DigitSample& sample, InvalidRecord& invalid) {
    TextLine line;
    while (true) {
        if (has_pending_) {
            line = pending_;
            has_pending_ = false;
        } else if (!lines_.next(line)) {
            return Next::End;
        }
        if (!line.overlong && is_blank(line.text)) continue;
        if (format_ == RecordFormat::DigitsCsv) {
            if (line.overlong)
                throw std::runtime_error(path_.string() + ":" + std::to_string(line.number) +
                                         ": row is longer than " +
                                         std::to_string(stream::kMaxRecordBytes) + " bytes");
            sample = digits::parse_digits_csv_row(line.text, path_, line.number);
            return Next::Sample;
        }
        stream::DigitRecord record;
        const auto error = line.overlong ? stream::RecordError::Oversized
                                         : decoder_.decode_padded(line.text, record);
        if (error == stream::RecordError::None) {
            sample.x = record.x;
            sample.label = record.label;
            return Next::Sample;
        }
        invalid.line = line.number;
        invalid.reason = std::string(stream::describe(error));
        if (error == stream::RecordError::XNotInteger || error == stream::RecordError::XOutOfRange)
            invalid.reason += " (x[" + std::to_string(decoder_.bad_x_index()) + "])";
        return Next::Invalid;
    }
}

} // namespace liveml::cli
