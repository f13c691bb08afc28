// Model weights (model.safetensors) are downloaded files. Opening validates the whole layout,
// so every tensor of a file that opens must be readable in full.
#include "safetensors/safetensors_reader.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

using namespace liveml::safetensors;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A low header cap keeps the fuzzer on structure rather than on allocation size.
    const ReadLimits limits{.max_header_bytes = 1 << 16};
    try {
        const SafetensorsFile file = SafetensorsFile::from_bytes(
            std::string(reinterpret_cast<const char*>(data), size), limits);
        for (const TensorInfo& tensor : file.tensors()) {
            (void)file.bytes(tensor);
            try {
                (void)file.to_float32(tensor);
            } catch (const std::runtime_error&) {
                // Integer and bool dtypes are documented as not convertible.
            }
        }
    } catch (const std::runtime_error&) {
    }
    return 0;
}
