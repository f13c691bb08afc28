#include "stream/record_decoder.hpp"

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace liveml::stream {

static_assert(kRecordPadding >= simdjson::SIMDJSON_PADDING);

namespace od = simdjson::ondemand;

struct RecordDecoder::Impl {
    // On-Demand: values are decoded straight from the input as the fields are walked, with no
    // tape in between (the record is small and every field of it is wanted once).
    od::parser parser{kMaxRecordBytes};
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; Kafka payloads carry no such
    // slack, so decode() copies them into this buffer that does.
    std::vector<char> padded;

    Impl() : padded(kMaxRecordBytes + kRecordPadding) {}
};

RecordDecoder::RecordDecoder() : impl_(std::make_unique<Impl>()) {}
RecordDecoder::~RecordDecoder() = default;

namespace {

// On-Demand only checks what is read, so every value that is not one of ours is still read
// through: a record is rejected as NotJson exactly when it is not valid JSON as a whole.
bool read_through(od::value value) {
    od::json_type type;
    if (value.type().get(type)) return false;
    switch (type) {
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array)) return false;
        for (auto element : array) {
            od::value v;
            if (element.get(v) || !read_through(v)) return false;
        }
        return true;
    }
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object)) return false;
        for (auto field : object) {
            std::string_view key;
            if (field.unescaped_key().get(key) || !read_through(field.value())) return false;
        }
        return true;
    }
    case od::json_type::number:
        return value.get_number().error() == simdjson::SUCCESS;
    case od::json_type::string:
        return value.get_string().error() == simdjson::SUCCESS;
    case od::json_type::boolean:
        return value.get_bool().error() == simdjson::SUCCESS;
    case od::json_type::null:
        return value.is_null().error() == simdjson::SUCCESS;
    }
    return false;
}

// Whether nothing but whitespace follows the root value just read: the iterator has no
// location left in the input.
bool at_end(od::document& doc) {
    return doc.current_location().error() != simdjson::SUCCESS;
}

// The root when it is not an object: NotObject if it is valid JSON, else NotJson.
RecordError not_an_object(od::document& doc, od::json_type type) {
    bool valid = false;
    switch (type) {
    case od::json_type::array: {
        od::array array;
        valid = !doc.get_array().get(array);
        if (valid)
            for (auto element : array) {
                od::value v;
                if (element.get(v) || !read_through(v)) {
                    valid = false;
                    break;
                }
            }
        break;
    }
    case od::json_type::number:
        valid = doc.get_number().error() == simdjson::SUCCESS;
        break;
    case od::json_type::string:
        valid = doc.get_string().error() == simdjson::SUCCESS;
        break;
    case od::json_type::boolean:
        valid = doc.get_bool().error() == simdjson::SUCCESS;
        break;
    case od::json_type::null:
        valid = doc.is_null().error() == simdjson::SUCCESS;
        break;
    default:
        break;
    }
    if (valid) valid = at_end(doc);
    return valid ? RecordError::NotObject : RecordError::NotJson;
}

// Only JSON integers count: 3.0, "3" and true are type errors, not values. Integers above
// INT64_MAX read as INT64_MAX, larger than any valid value, so the range check rejects them.
// Returns false when the value is not valid JSON.
bool read_integer(od::value value, bool& is_integer, std::int64_t& out) {
    // The common case first: get_int64 only consumes the value when it succeeds, so anything
    // else (3.0, 1e2, huge, "3", malformed) is read again below and judged like the DOM did.
    if (value.get_int64().get(out) == simdjson::SUCCESS) {
        is_integer = true;
        return true;
    }
    od::json_type type;
    if (value.type().get(type)) return false;
    if (type != od::json_type::number) {
        is_integer = false;
        return read_through(value);
    }
    od::number number;
    if (value.get_number().get(number)) return false;
    is_integer = !number.is_double();
    out = number.is_int64() ? number.get_int64() : INT64_MAX;
    return true;
}

struct Decoded {
    RecordError ts = RecordError::MissingTs;
    RecordError x = RecordError::MissingX;
    RecordError label = RecordError::MissingLabel;
    bool duplicate = false;
};

bool read_ts(od::value value, RecordError& result, DigitRecord& out) {
    od::json_type type;
    if (value.type().get(type)) return false;
    if (type != od::json_type::string) {
        result = RecordError::BadTs;
        return read_through(value);
    }
    std::string_view ts;
    if (value.get_string().get(ts)) return false;
    result = parse_timestamp(ts, out.ts_epoch_s) ? RecordError::None : RecordError::BadTs;
    return true;
}

bool read_x(od::value value, RecordError& result, std::size_t& bad_index, DigitRecord& out) {
    od::json_type type;
    if (value.type().get(type)) return false;
    if (type != od::json_type::array) {
        result = RecordError::XNotArray;
        return read_through(value);
    }
    od::array array;
    if (value.get_array().get(array)) return false;
    // The length is judged before the values (as the record format states), so the first
    // bad value is only remembered while the rest are read.
    RecordError first_bad = RecordError::None;
    std::size_t count = 0;
    for (auto element : array) {
        bool is_integer = true;
        std::int64_t x = 0;
        // The hot loop of every record: the plain integer read inline, the rest out of line.
        if (element.get_int64().get(x) != simdjson::SUCCESS) {
            od::value v;
            if (element.get(v) || !read_integer(v, is_integer, x)) return false;
        }
        if (count < out.x.size() && first_bad == RecordError::None) {
            if (!is_integer || x < 0 || x > 16) {
                first_bad = is_integer ? RecordError::XOutOfRange : RecordError::XNotInteger;
                bad_index = count;
            } else {
                out.x[count] = static_cast<std::uint8_t>(x);
            }
        }
        ++count;
    }
    result = count != out.x.size() ? RecordError::XWrongLength : first_bad;
    return true;
}

bool read_label(od::value value, RecordError& result, DigitRecord& out) {
    bool is_integer = true;
    std::int64_t label = 0;
    if (!read_integer(value, is_integer, label)) return false;
    if (!is_integer)
        result = RecordError::LabelNotInteger;
    else if (label < 0 || label > 9)
        result = RecordError::LabelOutOfRange;
    else {
        result = RecordError::None;
        out.label = static_cast<int>(label);
    }
    return true;
}

} // namespace

RecordError RecordDecoder::decode(std::string_view bytes, DigitRecord& out) {
    if (bytes.size() > kMaxRecordBytes) return RecordError::Oversized;
    if (bytes.empty()) return RecordError::Empty;
    std::memcpy(impl_->padded.data(), bytes.data(), bytes.size());
    return decode_padded(std::string_view(impl_->padded.data(), bytes.size()), out);
}

RecordError RecordDecoder::decode_padded(std::string_view bytes, DigitRecord& out) {
    if (bytes.size() > kMaxRecordBytes) return RecordError::Oversized;
    if (bytes.empty()) return RecordError::Empty;

    od::document doc;
    if (impl_->parser.iterate(bytes.data(), bytes.size(), bytes.size() + kRecordPadding).get(doc))
        return RecordError::NotJson;
    od::json_type type;
    if (doc.type().get(type)) return RecordError::NotJson;
    if (type != od::json_type::object) return not_an_object(doc, type);
    od::object object;
    if (doc.get_object().get(object)) return RecordError::NotJson;

    // One pass over the fields: a repeated key would make the record ambiguous (parsers
    // disagree on which value wins), so it is rejected rather than guessed.
    Decoded d;
    bool seen_ts = false, seen_x = false, seen_label = false;
    for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return RecordError::NotJson;
        bool* seen = key == "ts"         ? &seen_ts
                     : key == "x"        ? &seen_x
                     : key == "actual_y" ? &seen_label
                                         : nullptr;
        bool ok = true;
        if (seen == nullptr || *seen) {
            d.duplicate = d.duplicate || seen != nullptr;
            ok = read_through(field.value());
        } else {
            *seen = true;
            if (seen == &seen_ts)
                ok = read_ts(field.value(), d.ts, out);
            else if (seen == &seen_x)
                ok = read_x(field.value(), d.x, bad_x_index_, out);
            else
                ok = read_label(field.value(), d.label, out);
        }
        if (!ok) return RecordError::NotJson;
    }
    if (!at_end(doc)) return RecordError::NotJson;

    // Judged in the record format's order, whatever the order of the fields.
    if (d.duplicate) return RecordError::DuplicateKey;
    if (d.ts != RecordError::None) return d.ts;
    if (d.x != RecordError::None) return d.x;
    return d.label;
}

} // namespace liveml::stream
