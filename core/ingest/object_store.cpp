#include "ingest/object_store.hpp"

#include "common/file_bytes.hpp"

namespace liveml::ingest {

namespace fs = std::filesystem;

std::string S3ObjectStore::get(std::string_view bucket, std::string_view key,
                               std::uint64_t max_bytes) {
    try {
        return client_.get_object(bucket, key, max_bytes).bytes;
    } catch (const objectstore::S3Error& e) {
        if (e.not_found()) throw ObjectRefused(std::string("missing object: ") + e.what());
        if (e.code() == "TooLarge")
            throw ObjectRefused(std::string("object too large: ") + e.what());
        throw;
    }
}

void S3ObjectStore::put(std::string_view bucket, std::string_view key, std::string_view bytes,
                        std::string_view content_type) {
    client_.put_object(bucket, key, bytes, content_type);
}

void S3ObjectStore::remove(std::string_view bucket, std::string_view key) {
    client_.delete_object(bucket, key);
}

fs::path FolderObjectStore::path_of(std::string_view key) const {
    const fs::path relative(key);
    if (key.empty() || relative.is_absolute())
        throw ObjectRefused("key '" + std::string(key) + "' names no file inside " +
                            root_.string());
    for (const auto& part : relative)
        if (part == "..")
            throw ObjectRefused("key '" + std::string(key) + "' leaves " + root_.string());
    return root_ / relative;
}

std::string FolderObjectStore::get(std::string_view, std::string_view key,
                                   std::uint64_t max_bytes) {
    const auto path = path_of(key);
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error) throw ObjectRefused("missing object: " + path.string());
    if (size > max_bytes)
        throw ObjectRefused("object too large: " + path.string() + " has " + std::to_string(size) +
                            " bytes, the limit is " + std::to_string(max_bytes));
    return read_file_bytes(path, max_bytes);
}

void FolderObjectStore::put(std::string_view, std::string_view key, std::string_view bytes,
                            std::string_view) {
    const auto path = path_of(key);
    fs::create_directories(path.parent_path());
    write_file_atomic(path, std::string(bytes));
}

void FolderObjectStore::remove(std::string_view, std::string_view key) {
    fs::remove(path_of(key));
}

} // namespace liveml::ingest
