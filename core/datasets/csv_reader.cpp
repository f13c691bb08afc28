#include "datasets/csv_reader.hpp"

namespace liveml::datasets {

std::vector<CsvRecord> parse_csv(std::string_view text, std::string& error) {
    std::vector<CsvRecord> records;
    CsvRecord current{1, {}};
    std::string field;
    bool quoted = false;
    bool field_started = false;
    std::size_t line = 1;
    auto end_record = [&] {
        if (field_started || !current.fields.empty()) {
            current.fields.push_back(std::move(field));
            records.push_back(std::move(current));
        }
        field.clear();
        field_started = false;
        current = CsvRecord{line + 1, {}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            current.fields.push_back(std::move(field));
            field.clear();
            field_started = true;
        } else if (c == '\n') {
            end_record();
            ++line;
        } else if (c != '\r') {
            field += c;
            field_started = true;
        }
    }
    if (quoted) {
        error = "line " + std::to_string(current.line) + ": unterminated quoted field";
        return records;
    }
    end_record();
    return records;
}

} // namespace liveml::datasets
