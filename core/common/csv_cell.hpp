#pragma once
// One CSV cell as RFC 4180 writes it: quoted (inner quotes doubled) when it holds a comma, a
// quote or a line break, as is otherwise. Shared by every CSV the CLI and the studio write.
#include <string>
#include <string_view>

namespace liveml {

inline std::string csv_cell(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace liveml
