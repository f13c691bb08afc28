#include "scratch_files.hpp"

#include <zlib.h>

#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace liveml::testing {

std::filesystem::path scratch_dir(std::string_view tag) {
    auto dir = std::filesystem::temp_directory_path() /
               ("liveml-" + std::string(tag) + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path scratch_file(std::string_view tag, std::string_view name,
                                   std::string_view bytes) {
    const auto path = scratch_dir(tag) / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
    return path;
}

std::string gzip_bytes(std::string_view plain) {
    z_stream zs{};
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        throw std::runtime_error("zlib deflateInit2 failed");
    std::string out(deflateBound(&zs, static_cast<uLong>(plain.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    zs.avail_in = static_cast<uInt>(plain.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

} // namespace liveml::testing
