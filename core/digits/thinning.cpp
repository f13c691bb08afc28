#include "digits/thinning.hpp"

#include <array>
#include <cstddef>

namespace liveml::digits::detail {
namespace {

// Neighbourhood code: bit k set when neighbour k is ink, clockwise from north
// (0=N, 1=NE, 2=E, 3=SE, 4=S, 5=SW, 6=W, 7=NW).
// removable[pass][code]: Zhang-Suen's test for that neighbourhood. Both passes need 2..6 ink
// neighbours (not an end point, not interior) and exactly one background-to-ink step around
// the pixel (removing it keeps the stroke connected); they differ in which side of the
// stroke (south-east or north-west) they may peel.
constexpr std::array<std::array<bool, 256>, 2> make_table() {
    std::array<std::array<bool, 256>, 2> table{};
    for (int code = 0; code < 256; ++code) {
        int count = 0, rises = 0;
        for (int k = 0; k < 8; ++k) {
            const bool here = code >> k & 1, next = code >> ((k + 1) % 8) & 1;
            count += here;
            rises += !here && next;
        }
        const bool n = code & 1, e = code >> 2 & 1, s = code >> 4 & 1, w = code >> 6 & 1;
        const bool shape = count >= 2 && count <= 6 && rises == 1;
        table[0][code] = shape && !(n && e && s) && !(e && s && w);
        table[1][code] = shape && !(n && e && w) && !(n && s && w);
    }
    return table;
}
constexpr auto kRemovable = make_table();

} // namespace

void thin(std::vector<std::uint8_t>& mask, int width, int height) {
    const std::ptrdiff_t w = width;
    const std::ptrdiff_t offsets[8] = {-w, -w + 1, 1, w + 1, w, w - 1, -1, -w - 1};
    // Only ink pixels away from the border can change: keep just those, shrinking as it goes.
    std::vector<std::ptrdiff_t> ink, doomed;
    for (int y = 1; y + 1 < height; ++y)
        for (int x = 1; x + 1 < width; ++x)
            if (mask[static_cast<std::size_t>(y * w + x)]) ink.push_back(y * w + x);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (y == 0 || x == 0 || y + 1 == height || x + 1 == width)
                mask[static_cast<std::size_t>(y * w + x)] = 0;

    bool changed = true;
    while (changed) {
        changed = false;
        for (int pass = 0; pass < 2; ++pass) {
            doomed.clear();
            for (const auto i : ink) {
                int code = 0;
                for (int k = 0; k < 8; ++k)
                    code |= (mask[i + offsets[k]] != 0) << k;
                if (kRemovable[pass][code]) doomed.push_back(i);
            }
            for (const auto i : doomed)
                mask[i] = 0;
            changed = changed || !doomed.empty();
            std::erase_if(ink, [&](std::ptrdiff_t i) { return mask[i] == 0; });
        }
    }
}

} // namespace liveml::digits::detail
