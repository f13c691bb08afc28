#include "stream/record_decoder.hpp"

#include <simdjson.h>

#include <array>
#include <cstring>
#include <vector>

namespace liveml::stream {

struct RecordDecoder::Impl {
    simdjson::dom::parser parser;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; Kafka payloads carry no such
    // slack, so each record is copied into this buffer that does.
    std::vector<char> padded;

    Impl() : padded(kMaxRecordBytes + simdjson::SIMDJSON_PADDING) {
        if (parser.allocate(kMaxRecordBytes) != simdjson::SUCCESS) throw std::bad_alloc();
    }
};

RecordDecoder::RecordDecoder() : impl_(std::make_unique<Impl>()) {}
RecordDecoder::~RecordDecoder() = default;

namespace {

// Only JSON integers count: 3.0, "3" and true are type errors, not values.
bool as_integer(simdjson::dom::element value, std::int64_t& out) {
    switch (value.type()) {
    case simdjson::dom::element_type::INT64:
        out = value.get_int64().value_unsafe();
        return true;
    case simdjson::dom::element_type::UINT64:
        out = INT64_MAX; // larger than any valid value; the range check rejects it
        return true;
    default:
        return false;
    }
}

} // namespace

RecordError RecordDecoder::decode(std::string_view bytes, DigitRecord& out) {
    if (bytes.size() > kMaxRecordBytes) return RecordError::Oversized;
    if (bytes.empty()) return RecordError::Empty;
    std::memcpy(impl_->padded.data(), bytes.data(), bytes.size());
    std::memset(impl_->padded.data() + bytes.size(), 0, simdjson::SIMDJSON_PADDING);

    simdjson::dom::element root;
    if (impl_->parser.parse(impl_->padded.data(), bytes.size(), false).get(root))
        return RecordError::NotJson;
    simdjson::dom::object object;
    if (root.get_object().get(object)) return RecordError::NotObject;

    // One pass over the fields: a repeated key would make the record ambiguous (parsers
    // disagree on which value wins), so it is rejected rather than guessed.
    struct Field {
        std::string_view name;
        simdjson::dom::element value{};
        bool present = false;
    };
    std::array<Field, 3> fields{{{"ts"}, {"x"}, {"actual_y"}}};
    for (const auto [key, value] : object) {
        for (Field& field : fields) {
            if (key != field.name) continue;
            if (field.present) return RecordError::DuplicateKey;
            field.present = true;
            field.value = value;
        }
    }
    const auto& [ts_field, x_field, label_field] = fields;

    if (!ts_field.present) return RecordError::MissingTs;
    std::string_view ts;
    if (ts_field.value.get_string().get(ts) || !parse_timestamp(ts, out.ts_epoch_s))
        return RecordError::BadTs;

    if (!x_field.present) return RecordError::MissingX;
    simdjson::dom::array x;
    if (x_field.value.get_array().get(x)) return RecordError::XNotArray;
    if (x.size() != out.x.size()) return RecordError::XWrongLength;
    std::size_t i = 0;
    for (simdjson::dom::element value : x) {
        std::int64_t v = 0;
        bad_x_index_ = i;
        if (!as_integer(value, v)) return RecordError::XNotInteger;
        if (v < 0 || v > 16) return RecordError::XOutOfRange;
        out.x[i++] = static_cast<std::uint8_t>(v);
    }

    if (!label_field.present) return RecordError::MissingLabel;
    std::int64_t label = 0;
    if (!as_integer(label_field.value, label)) return RecordError::LabelNotInteger;
    if (label < 0 || label > 9) return RecordError::LabelOutOfRange;
    out.label = static_cast<int>(label);
    return RecordError::None;
}

} // namespace liveml::stream
