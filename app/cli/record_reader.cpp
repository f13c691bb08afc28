#include "record_reader.hpp"

#include <stdexcept>

#include "common/file_bytes.hpp"

namespace liveml::cli {
namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

} // namespace

std::string_view to_string(RecordFormat format) {
    return format == RecordFormat::DigitsCsv ? "digits-csv" : "json-lines";
}

// One validator for the record format: the trainer's decoder, so `fit` and `train` accept
// and reject exactly the same records.
bool parse_json_record(stream::RecordDecoder& decoder, std::string_view line,
                       digits::DigitSample& sample, std::string& reason) {
    stream::DigitRecord record;
    const auto error = decoder.decode(line, record);
    if (error == stream::RecordError::None) {
        sample.x = record.x;
        sample.label = record.label;
        return true;
    }
    reason = std::string(stream::describe(error));
    if (error == stream::RecordError::XNotInteger || error == stream::RecordError::XOutOfRange)
        reason += " (x[" + std::to_string(decoder.bad_x_index()) + "])";
    return false;
}

TrainingRecords read_training_records(const std::filesystem::path& path) {
    const std::string text = read_maybe_gzip(path, kMaxTrainingFileBytes);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        throw std::runtime_error(path.string() + ": file holds no records");

    TrainingRecords out;
    if (text[first] != '{') {
        if (text[first] < '0' || text[first] > '9')
            throw std::runtime_error(path.string() +
                                     ": neither a digits CSV (65 integers per row) nor JSON "
                                     "lines ({\"ts\":…,\"x\":[…],\"actual_y\":…})");
        out.format = RecordFormat::DigitsCsv;
        out.samples = digits::load_digits_csv(path);
        return out;
    }

    out.format = RecordFormat::JsonLines;
    stream::RecordDecoder decoder;
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto end = std::min(text.find('\n', pos), text.size());
        const std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (is_blank(line)) continue;
        digits::DigitSample sample;
        std::string reason;
        if (parse_json_record(decoder, line, sample, reason))
            out.samples.push_back(sample);
        else
            out.invalid.push_back({line_no, std::move(reason)});
    }
    return out;
}

} // namespace liveml::cli
