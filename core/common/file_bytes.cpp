#include "common/file_bytes.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace liveml {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
    throw std::runtime_error(path.string() + ": " + why);
}

std::string inflate_gzip(const std::filesystem::path& path, const std::string& in,
                         std::size_t max_bytes) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) fail(path, "cannot initialise zlib");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    std::string out;
    char buf[1 << 16];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            fail(path, rc == Z_BUF_ERROR ? "truncated gzip data" : "corrupt gzip data");
        }
        out.append(buf, sizeof buf - zs.avail_out);
        if (out.size() > max_bytes) {
            inflateEnd(&zs);
            fail(path, "inflated size exceeds " + std::to_string(max_bytes) + " bytes");
        }
    }
    inflateEnd(&zs);
    return out;
}

} // namespace

std::string read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail(path, "not a readable regular file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) fail(path, ec.message());
    if (size > max_bytes)
        fail(path, "file is " + std::to_string(size) + " bytes, limit " + std::to_string(max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, std::strerror(errno));
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::size_t>(in.gcount()) != size) fail(path, "short read");
    return bytes;
}

std::string read_maybe_gzip(const std::filesystem::path& path, std::size_t max_bytes) {
    auto bytes = read_file_bytes(path, max_bytes);
    const bool gz = bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
                    static_cast<unsigned char>(bytes[1]) == 0x8b;
    return gz ? inflate_gzip(path, bytes, max_bytes) : bytes;
}

void write_file_atomic(const std::filesystem::path& path, const std::string& bytes) {
    auto tmp = path;
    tmp += ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) fail(tmp, std::strerror(errno));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::filesystem::remove(tmp);
            fail(tmp, "write failed");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp);
        fail(path, ec.message());
    }
}

} // namespace liveml
