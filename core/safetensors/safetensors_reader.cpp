#include "safetensors/safetensors_reader.hpp"

#include "safetensors/half_float.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

static_assert(std::endian::native == std::endian::little,
              "safetensors data is little-endian; a big-endian host would need byte swaps");

namespace liveml::safetensors {

// Owns the file image: either a read-only mapping or an in-memory string.
struct SafetensorsFile::Storage {
    std::string owned;
    const std::byte* mapped = nullptr;
    std::size_t mapped_size = 0;

    Storage() = default;
    Storage(const Storage&) = delete;
    Storage& operator=(const Storage&) = delete;
    ~Storage() {
        if (mapped) munmap(const_cast<std::byte*>(mapped), mapped_size);
    }
    std::span<const std::byte> view() const {
        if (mapped) return {mapped, mapped_size};
        return std::as_bytes(std::span<const char>(owned));
    }
};

namespace {

[[noreturn]] void fail(const std::string& source, const std::string& what) {
    throw std::runtime_error(source + ": " + what);
}

[[noreturn]] void fail_tensor(const std::string& source, const std::string& name,
                              const std::string& what) {
    fail(source, "tensor '" + name + "': " + what);
}

std::uint64_t read_u64_le(std::span<const std::byte> bytes) {
    std::uint64_t value = 0;
    std::memcpy(&value, bytes.data(), sizeof value);
    return value;
}

// nlohmann keeps the last of duplicate keys silently; safetensors forbids duplicates, so the
// parser callback records top-level keys and flags a repeat.
nlohmann::json parse_header(const std::string& source, std::string_view text) {
    std::set<std::string> seen;
    std::string duplicate;
    auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event == nlohmann::json::parse_event_t::key && depth == 1) {
            const auto& key = parsed.get_ref<const std::string&>();
            if (!seen.insert(key).second && duplicate.empty()) duplicate = key;
        }
        return true;
    };
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(text.begin(), text.end(), callback);
    } catch (const nlohmann::json::exception& e) {
        fail(source, std::string("header is not valid JSON (") + e.what() + ")");
    }
    if (!duplicate.empty()) fail(source, "duplicate tensor name '" + duplicate + "' in header");
    if (!header.is_object()) fail(source, "header JSON is not an object");
    return header;
}

std::map<std::string, std::string> parse_metadata(const std::string& source,
                                                  const nlohmann::json& value) {
    if (!value.is_object()) fail(source, "__metadata__ is not an object of strings");
    std::map<std::string, std::string> metadata;
    for (const auto& [key, entry] : value.items()) {
        if (!entry.is_string()) fail(source, "__metadata__ value '" + key + "' is not a string");
        metadata.emplace(key, entry.get<std::string>());
    }
    return metadata;
}

std::uint64_t checked_u64(const std::string& source, const std::string& name, const char* field,
                          const nlohmann::json& value) {
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    if (value.is_number_integer()) fail_tensor(source, name, std::string(field) + " is negative");
    fail_tensor(source, name, std::string(field) + " must hold integers");
}

TensorInfo parse_tensor(const std::string& source, const std::string& name,
                        const nlohmann::json& entry) {
    if (!entry.is_object()) fail_tensor(source, name, "entry is not an object");
    for (const auto& [key, _] : entry.items())
        if (key != "dtype" && key != "shape" && key != "data_offsets")
            fail_tensor(source, name, "unexpected field '" + key + "'");
    for (const char* field : {"dtype", "shape", "data_offsets"})
        if (!entry.contains(field)) fail_tensor(source, name, std::string("missing ") + field);

    TensorInfo t;
    t.name = name;
    const auto& dtype = entry["dtype"];
    if (!dtype.is_string()) fail_tensor(source, name, "dtype is not a string");
    const auto parsed = parse_dtype(dtype.get<std::string>());
    if (!parsed) fail_tensor(source, name, "unknown dtype '" + dtype.get<std::string>() + "'");
    t.dtype = *parsed;

    const auto& shape = entry["shape"];
    if (!shape.is_array()) fail_tensor(source, name, "shape is not an array");
    std::uint64_t bytes = dtype_size(t.dtype);
    for (const auto& dim : shape) {
        const std::uint64_t d = checked_u64(source, name, "shape", dim);
        if (d > static_cast<std::uint64_t>(INT64_MAX) || __builtin_mul_overflow(bytes, d, &bytes))
            fail_tensor(source, name, "shape is too large (size overflows)");
        t.shape.push_back(static_cast<std::int64_t>(d));
    }

    const auto& offsets = entry["data_offsets"];
    if (!offsets.is_array() || offsets.size() != 2)
        fail_tensor(source, name, "data_offsets must be [begin, end]");
    t.begin = checked_u64(source, name, "data_offsets", offsets[0]);
    t.end = checked_u64(source, name, "data_offsets", offsets[1]);
    if (t.end < t.begin) fail_tensor(source, name, "data_offsets end is before begin");
    if (t.end - t.begin != bytes)
        fail_tensor(source, name,
                    "data_offsets span " + std::to_string(t.end - t.begin) +
                        " bytes but shape × dtype needs " + std::to_string(bytes));
    return t;
}

// Tensors must tile the data section exactly: sorted by offset, each begins where the
// previous ended, the first at 0, the last at the end of the file.
void check_layout(const std::string& source, std::vector<TensorInfo> sorted,
                  std::uint64_t data_size) {
    std::sort(sorted.begin(), sorted.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
    });
    std::uint64_t expected = 0;
    for (const auto& t : sorted) {
        if (t.begin > data_size || t.end > data_size)
            fail_tensor(source, t.name,
                        "data_offsets [" + std::to_string(t.begin) + ", " + std::to_string(t.end) +
                            "] lie beyond the end of the file (data section is " +
                            std::to_string(data_size) + " bytes)");
        if (t.begin < expected) fail_tensor(source, t.name, "data overlaps the previous tensor");
        if (t.begin > expected)
            fail_tensor(source, t.name,
                        "gap of " + std::to_string(t.begin - expected) + " bytes before its data");
        expected = t.end;
    }
    if (expected != data_size)
        fail(source,
             std::to_string(data_size - expected) + " trailing bytes after the last tensor's data");
}

} // namespace

std::uint64_t TensorInfo::numel() const {
    std::uint64_t n = 1;
    for (auto d : shape)
        n *= static_cast<std::uint64_t>(d);
    return n;
}

SafetensorsFile::SafetensorsFile(std::shared_ptr<const Storage> storage, std::string source,
                                 ReadLimits limits)
    : storage_(std::move(storage)), source_(std::move(source)) {
    const auto file = storage_->view();
    if (file.size() < 8)
        fail(source_, "file is " + std::to_string(file.size()) +
                          " bytes, too short for the 8-byte header length");
    const std::uint64_t header_size = read_u64_le(file);
    if (header_size > limits.max_header_bytes)
        fail(source_, "header length " + std::to_string(header_size) + " exceeds the limit of " +
                          std::to_string(limits.max_header_bytes) + " bytes");
    if (header_size > file.size() - 8)
        fail(source_, "header length " + std::to_string(header_size) +
                          " runs past the end of the file (" + std::to_string(file.size()) +
                          " bytes): truncated");
    if (header_size < 2) fail(source_, "header is empty");
    data_start_ = 8 + header_size;
    const std::string_view text(reinterpret_cast<const char*>(file.data()) + 8, header_size);
    if (text.front() != '{') fail(source_, "header does not start with '{'");

    const auto header = parse_header(source_, text);
    for (const auto& [key, value] : header.items()) {
        if (key == "__metadata__")
            metadata_ = parse_metadata(source_, value);
        else
            tensors_.push_back(parse_tensor(source_, key, value));
    }
    check_layout(source_, tensors_, file.size() - data_start_);
    std::sort(tensors_.begin(), tensors_.end(),
              [](const TensorInfo& a, const TensorInfo& b) { return a.name < b.name; });
}

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path, ReadLimits limits) {
    const std::string source = path.string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(source, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        fail(source, "not a regular file");
    }
    auto storage = std::make_shared<Storage>();
    if (st.st_size > 0) {
        void* p =
            mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            fail(source, std::string("cannot map: ") + std::strerror(err));
        }
        storage->mapped = static_cast<const std::byte*>(p);
        storage->mapped_size = static_cast<std::size_t>(st.st_size);
    }
    ::close(fd);
    return SafetensorsFile(std::move(storage), source, limits);
}

SafetensorsFile SafetensorsFile::from_bytes(std::string bytes, ReadLimits limits,
                                            std::string source) {
    auto storage = std::make_shared<Storage>();
    storage->owned = std::move(bytes);
    return SafetensorsFile(std::move(storage), std::move(source), limits);
}

const TensorInfo* SafetensorsFile::find(std::string_view name) const {
    const auto it =
        std::lower_bound(tensors_.begin(), tensors_.end(), name,
                         [](const TensorInfo& t, std::string_view n) { return t.name < n; });
    return it != tensors_.end() && it->name == name ? &*it : nullptr;
}

const TensorInfo& SafetensorsFile::at(std::string_view name) const {
    if (const auto* t = find(name)) return *t;
    fail(source_, "no tensor '" + std::string(name) + "'");
}

std::span<const std::byte> SafetensorsFile::bytes(const TensorInfo& tensor) const {
    return storage_->view().subspan(data_start_ + tensor.begin, tensor.end - tensor.begin);
}

std::vector<float> SafetensorsFile::to_float32(const TensorInfo& tensor) const {
    const auto raw = bytes(tensor);
    std::vector<float> out(tensor.numel());
    auto each = [&](auto element, auto convert) {
        using T = decltype(element);
        for (std::size_t i = 0; i < out.size(); ++i) {
            T v;
            std::memcpy(&v, raw.data() + i * sizeof(T), sizeof(T));
            out[i] = convert(v);
        }
    };
    switch (tensor.dtype) {
    case Dtype::F32:
        if (!out.empty()) std::memcpy(out.data(), raw.data(), raw.size());
        break;
    case Dtype::F16:
        each(std::uint16_t{}, f16_to_f32);
        break;
    case Dtype::BF16:
        each(std::uint16_t{}, bf16_to_f32);
        break;
    case Dtype::F64:
        each(double{}, [](double v) { return static_cast<float>(v); });
        break;
    default:
        fail_tensor(source_, tensor.name,
                    "dtype " + std::string(dtype_name(tensor.dtype)) +
                        " cannot be read as float32 (F32, F16, BF16 or F64 expected)");
    }
    return out;
}

} // namespace liveml::safetensors
