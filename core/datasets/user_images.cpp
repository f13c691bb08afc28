#include "datasets/user_images.hpp"

#include "common/file_bytes.hpp"
#include "datasets/csv_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <sys/stat.h>

namespace liveml::datasets {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxCaptionsFileBytes = 512u << 20;

bool is_image_name(const fs::path& path) {
    static constexpr std::array<std::string_view, 9> kExtensions{
        ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".pgm", ".ppm", ".tga", ".pnm"};
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Checks one {image, caption} row and appends it or a problem.
struct RowChecker {
    const fs::path& folder;
    std::string source;
    CaptionsLoad& load;

    void operator()(std::size_t line, const std::string& image, const std::string& caption) {
        auto problem = [&](const std::string& what) {
            load.problems.push_back(source + ":" + std::to_string(line) + ": " + what);
        };
        if (image.empty()) return problem("empty image path");
        if (caption.find_first_not_of(" \t\r\n") == std::string::npos)
            return problem("empty caption for '" + image + "'");
        const fs::path relative = fs::path(image).lexically_normal();
        if (relative.is_absolute() || (!relative.empty() && *relative.begin() == ".."))
            return problem("image '" + image + "' is outside the folder");
        const fs::path full = folder / relative;
        std::error_code ec;
        if (!fs::is_regular_file(full, ec)) return problem("image '" + image + "' not found");
        load.items.push_back({full, caption});
    }
};

void load_jsonl(const std::string& text, RowChecker& check) {
    std::size_t line_no = 0;
    for (std::size_t pos = 0; pos <= text.size();) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto row = nlohmann::json::parse(line, nullptr, false);
        auto problem = [&](const std::string& what) {
            check.load.problems.push_back(check.source + ":" + std::to_string(line_no) + ": " +
                                          what);
        };
        if (row.is_discarded() || !row.is_object()) {
            problem("not a JSON object");
            continue;
        }
        const auto image = row.find("image");
        const auto caption = row.find("caption");
        if (image == row.end() || !image->is_string() || caption == row.end() ||
            !caption->is_string()) {
            problem("needs string fields \"image\" and \"caption\"");
            continue;
        }
        check(line_no, image->get<std::string>(), caption->get<std::string>());
    }
}

void load_csv(const std::string& text, RowChecker& check) {
    std::string error;
    const auto records = parse_csv(text, error);
    if (!error.empty()) check.load.problems.push_back(check.source + ": " + error);
    if (records.empty()) {
        check.load.problems.push_back(check.source + ": no header row");
        return;
    }
    std::optional<std::size_t> image_col, caption_col;
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) {
        const auto name = lower(records[0].fields[i]);
        if (name == "image") image_col = i;
        if (name == "caption") caption_col = i;
    }
    if (!image_col || !caption_col) {
        check.load.problems.push_back(check.source +
                                      ":1: header must name columns \"image\" and \"caption\"");
        return;
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        if (rec.fields.size() <= std::max(*image_col, *caption_col)) {
            check.load.problems.push_back(check.source + ":" + std::to_string(rec.line) +
                                          ": too few fields");
            continue;
        }
        check(rec.line, rec.fields[*image_col], rec.fields[*caption_col]);
    }
}

} // namespace

std::vector<ImageFileEntry> scan_image_folder(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw std::runtime_error(folder.string() + ": not a readable directory");
    std::vector<ImageFileEntry> entries;
    fs::recursive_directory_iterator it(folder,
                                        fs::directory_options::follow_directory_symlink |
                                            fs::directory_options::skip_permission_denied,
                                        ec);
    if (ec) throw std::runtime_error(folder.string() + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto& path = it->path();
        if (path.filename().string().starts_with('.')) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        struct stat st {};
        if (!is_image_name(path) || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        entries.push_back(
            {path.lexically_relative(folder).generic_string(),
             static_cast<std::uint64_t>(st.st_size),
             static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec});
    }
    if (ec) throw std::runtime_error(folder.string() + ": " + ec.message());
    std::sort(entries.begin(), entries.end(),
              [](const ImageFileEntry& a, const ImageFileEntry& b) { return a.path < b.path; });
    return entries;
}

CaptionsLoad load_captioned_folder(const fs::path& folder, const fs::path& captions_file) {
    const std::string text = read_file_bytes(captions_file, kMaxCaptionsFileBytes);
    CaptionsLoad load;
    RowChecker check{folder, captions_file.filename().string(), load};
    const auto ext = lower(captions_file.extension().string());
    if (ext == ".csv")
        load_csv(text, check);
    else if (ext == ".jsonl" || ext == ".json")
        load_jsonl(text, check);
    else
        throw std::runtime_error(captions_file.string() +
                                 ": captions file must end in .jsonl, .json or .csv");
    return load;
}

} // namespace liveml::datasets
