#include "record_reader.hpp"

#include <chrono>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/file_bytes.hpp"

namespace liveml::cli {
namespace {

using nlohmann::json;

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// "YYYY-MM-DD HH:MM:SS" naming a real calendar date and time of day.
bool is_valid_timestamp(std::string_view ts) {
    if (ts.size() != 19 || ts[4] != '-' || ts[7] != '-' || ts[10] != ' ' || ts[13] != ':' ||
        ts[16] != ':')
        return false;
    const auto number = [&](std::size_t pos, std::size_t len, int& value) {
        value = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (ts[i] < '0' || ts[i] > '9') return false;
            value = value * 10 + (ts[i] - '0');
        }
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!number(0, 4, y) || !number(5, 2, mo) || !number(8, 2, d) || !number(11, 2, h) ||
        !number(14, 2, mi) || !number(17, 2, s))
        return false;
    const std::chrono::year_month_day date{std::chrono::year{y},
                                           std::chrono::month{static_cast<unsigned>(mo)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    return date.ok() && h <= 23 && mi <= 59 && s <= 59;
}

// An integer JSON value within [lo, hi]; floats such as 3.0 are rejected, since the stream
// format promises integers and a float hints at a producer bug.
bool integer_in_range(const json& v, long long lo, long long hi, long long& out) {
    if (v.is_number_unsigned()) {
        const auto u = v.get<unsigned long long>();
        if (u > static_cast<unsigned long long>(hi)) return false;
        out = static_cast<long long>(u);
        return out >= lo;
    }
    if (!v.is_number_integer()) return false;
    out = v.get<long long>();
    return out >= lo && out <= hi;
}

std::string describe(const json& v) {
    std::string text = v.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

// Parses one line, refusing duplicate top-level keys (nlohmann would silently keep the last).
json parse_object(std::string_view line, std::string& reason) {
    std::set<std::string> keys;
    std::string duplicate;
    const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& v) {
        if (event == json::parse_event_t::key && depth == 1 &&
            !keys.insert(v.get<std::string>()).second)
            duplicate = v.get<std::string>();
        return true;
    };
    json doc;
    try {
        doc = json::parse(line, check);
    } catch (const json::parse_error& e) {
        // what() starts with "[json.exception.parse_error.101] "; the rest is the useful part.
        const std::string_view what = e.what();
        const auto pos = what.find("] ");
        reason = "not valid JSON: " + std::string(pos == what.npos ? what : what.substr(pos + 2));
        return nullptr;
    }
    if (!duplicate.empty()) {
        reason = "duplicate key \"" + duplicate + "\"";
        return nullptr;
    }
    if (!doc.is_object()) {
        reason = "record is not a JSON object";
        return nullptr;
    }
    return doc;
}

} // namespace

std::string_view to_string(RecordFormat format) {
    return format == RecordFormat::DigitsCsv ? "digits-csv" : "json-lines";
}

bool parse_json_record(std::string_view line, digits::DigitSample& sample, std::string& reason) {
    const json doc = parse_object(line, reason);
    if (doc.is_null()) return false;
    const auto fail = [&](std::string why) {
        reason = std::move(why);
        return false;
    };

    const auto ts = doc.find("ts");
    if (ts == doc.end()) return fail("missing \"ts\"");
    if (!ts->is_string() || !is_valid_timestamp(ts->get_ref<const std::string&>()))
        return fail("\"ts\" must be a string \"YYYY-MM-DD HH:MM:SS\", got " + describe(*ts));

    const auto x = doc.find("x");
    if (x == doc.end()) return fail("missing \"x\"");
    if (!x->is_array() || x->size() != digits::kFeatures)
        return fail("\"x\" must be an array of 64 integers, got " + describe(*x));
    for (std::size_t j = 0; j < digits::kFeatures; ++j) {
        long long v = 0;
        if (!integer_in_range((*x)[j], 0, 16, v))
            return fail("x[" + std::to_string(j) + "] must be an integer 0..16, got " +
                        describe((*x)[j]));
        sample.x[j] = static_cast<std::uint8_t>(v);
    }

    const auto y = doc.find("actual_y");
    if (y == doc.end()) return fail("missing \"actual_y\"");
    long long label = 0;
    if (!integer_in_range(*y, 0, 9, label))
        return fail("\"actual_y\" must be an integer 0..9, got " + describe(*y));
    sample.label = static_cast<int>(label);
    return true;
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
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto end = std::min(text.find('\n', pos), text.size());
        const std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (is_blank(line)) continue;
        digits::DigitSample sample;
        std::string reason;
        if (parse_json_record(line, sample, reason))
            out.samples.push_back(sample);
        else
            out.invalid.push_back({line_no, std::move(reason)});
    }
    return out;
}

} // namespace liveml::cli
