#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "digits/digits_dataset.hpp"
#include "digits/gray_image_loader.hpp"

namespace liveml::digits::test {

// A pen path in the unit square (x right, y down).
using Stroke = std::vector<std::pair<double, double>>;
using Shape = std::vector<Stroke>;

// Hand-drawn-like shapes of a few digits, as polylines.
Shape seven();
Shape four();
Shape thin_one();
Shape two();

struct Pen {
    double width = 12;     // pixels
    bool antialias = true; // false: hard binary edges
    std::uint8_t paper = 255;
    std::uint8_t ink = 0;
};

// Draws `shape` scaled into the box (x, y, w, h) of a width x height canvas.
GrayImage draw(const Shape& shape, int width, int height, double x, double y, double w, double h,
               const Pen& pen = {});

// Sum of absolute differences of two feature vectors (0 = identical; two different digits
// typically differ by 200 or more).
int l1(const Features& a, const Features& b);

} // namespace liveml::digits::test
