#pragma once
#include <cstddef>
#include <span>
#include <string_view>

namespace liveml::imaging {

// Debian's stb_image (a 2022 snapshot) trusts some header fields that fuzz/image_decode showed
// to be unsafe; later stb releases check them. Until then we refuse such files before stb
// sees them:
//   - a JPEG DHT table declaring more than 256 codes overruns stb's fixed Huffman tables;
//   - a PGM/PPM header number beyond INT_MAX overflows stb's signed integer parser;
//   - a 16-bit PGM/PPM (maximum value above 255) asked for another channel count (gray from
//     PPM, RGB from PGM) is converted as if its samples were bytes, and the 16-to-8-bit step
//     after it reads past the converted buffer (heap overflow). All 16-bit PNMs are refused.
// Returns why `bytes` must not reach stb (a phrase for an error message), or an empty view.
std::string_view stb_input_defect(std::span<const std::byte> bytes);

} // namespace liveml::imaging
