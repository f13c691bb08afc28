#include "stream/digit_record.hpp"

#include <array>
#include <chrono>

namespace liveml::stream {

std::string_view to_string(RecordError error) {
    switch (error) {
    case RecordError::None:
        return "none";
    case RecordError::Oversized:
        return "oversized";
    case RecordError::Empty:
        return "empty";
    case RecordError::NotJson:
        return "not_json";
    case RecordError::NotObject:
        return "not_an_object";
    case RecordError::MissingTs:
        return "missing_ts";
    case RecordError::BadTs:
        return "bad_ts";
    case RecordError::MissingX:
        return "missing_x";
    case RecordError::XNotArray:
        return "x_not_array";
    case RecordError::XWrongLength:
        return "x_not_64_values";
    case RecordError::XNotInteger:
        return "x_not_integer";
    case RecordError::XOutOfRange:
        return "x_out_of_range";
    case RecordError::MissingLabel:
        return "missing_actual_y";
    case RecordError::LabelNotInteger:
        return "actual_y_not_integer";
    case RecordError::LabelOutOfRange:
        return "actual_y_out_of_range";
    case RecordError::DuplicateKey:
        return "duplicate_key";
    }
    return "unknown";
}

std::string_view describe(RecordError error) {
    switch (error) {
    case RecordError::None:
        return "valid record";
    case RecordError::Oversized:
        return "record is larger than 64 KiB";
    case RecordError::Empty:
        return "record is empty";
    case RecordError::NotJson:
        return "not valid JSON";
    case RecordError::NotObject:
        return "record is not a JSON object";
    case RecordError::MissingTs:
        return "missing \"ts\"";
    case RecordError::BadTs:
        return "\"ts\" must be a string \"YYYY-MM-DD HH:MM:SS\" naming a real date and time";
    case RecordError::MissingX:
        return "missing \"x\"";
    case RecordError::XNotArray:
        return "\"x\" must be an array";
    case RecordError::XWrongLength:
        return "\"x\" must hold exactly 64 values";
    case RecordError::XNotInteger:
        return "\"x\" values must be integers (not floats, strings or booleans)";
    case RecordError::XOutOfRange:
        return "\"x\" values must be integers 0..16";
    case RecordError::MissingLabel:
        return "missing \"actual_y\"";
    case RecordError::LabelNotInteger:
        return "\"actual_y\" must be an integer";
    case RecordError::LabelOutOfRange:
        return "\"actual_y\" must be an integer 0..9";
    case RecordError::DuplicateKey:
        return "duplicate key among \"ts\", \"x\", \"actual_y\"";
    }
    return "unknown error";
}

namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

} // namespace

bool parse_timestamp(std::string_view text, std::int64_t& epoch_s) {
    if (text.size() != 19 || text[4] != '-' || text[7] != '-' || text[10] != ' ' ||
        text[13] != ':' || text[16] != ':')
        return false;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) ||
        !read_digits(text, 8, 2, day) || !read_digits(text, 11, 2, hour) ||
        !read_digits(text, 14, 2, minute) || !read_digits(text, 17, 2, second))
        return false;
    using namespace std::chrono;
    const year_month_day date{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                              std::chrono::day{unsigned(day)}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 59) return false;
    epoch_s = sys_days{date}.time_since_epoch().count() * 86400LL + hour * 3600LL + minute * 60LL +
              second;
    return true;
}

void format_timestamp(std::int64_t epoch_s, char (&out)[19]) {
    using namespace std::chrono;
    const auto days = floor<std::chrono::days>(seconds{epoch_s});
    const year_month_day date{sys_days{days}};
    const auto rest = epoch_s - days.count() * 86400LL;
    const auto put = [&out](int pos, int width, long long value) {
        for (int i = pos + width - 1; i >= pos; --i) {
            out[i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, 4, int(date.year()));
    out[4] = '-';
    put(5, 2, unsigned(date.month()));
    out[7] = '-';
    put(8, 2, unsigned(date.day()));
    out[10] = ' ';
    put(11, 2, rest / 3600);
    out[13] = ':';
    put(14, 2, rest / 60 % 60);
    out[16] = ':';
    put(17, 2, rest % 60);
}

} // namespace liveml::stream
