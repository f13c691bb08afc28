#include "demo_digits.hpp"

#include <QLineF>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace liveml::widgets {

namespace {

using Polyline = std::vector<QPointF>;

// Mouse-like sampling: a point every kStep along the path, as a steady hand would give.
constexpr qreal kStep = 0.015;

Stroke sampled(const Polyline& line) {
    Stroke stroke;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const QLineF segment(line[i], line[i + 1]);
        const int steps = std::max(1, static_cast<int>(std::ceil(segment.length() / kStep)));
        for (int s = 0; s < steps; ++s)
            stroke.append({segment.pointAt(qreal(s) / steps), 1.0});
    }
    if (!line.empty()) stroke.append({line.back(), 1.0});
    return stroke;
}

// An elliptic arc from angle a0 to a1 (radians, y grows downwards, 0 = right).
Polyline arc(QPointF centre, qreal rx, qreal ry, qreal a0, qreal a1, int points = 48) {
    Polyline line;
    for (int i = 0; i <= points; ++i) {
        const qreal a = a0 + (a1 - a0) * i / points;
        line.emplace_back(centre.x() + rx * std::cos(a), centre.y() + ry * std::sin(a));
    }
    return line;
}

Polyline concat(Polyline a, const Polyline& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

constexpr qreal pi = std::numbers::pi;

Drawing figureEight() {
    Polyline line;
    for (int i = 0; i <= 96; ++i) {
        const qreal t = 2 * pi * i / 96;
        line.emplace_back(0.5 + 0.16 * std::sin(2 * t), 0.5 - 0.33 * std::cos(t));
    }
    return {sampled(line)};
}

} // namespace

Drawing demoDigit(int digit) {
    switch (digit) {
    case 0:
        return {sampled(arc({0.5, 0.5}, 0.2, 0.32, -pi / 2, 1.5 * pi + 0.15))};
    case 1:
        return {sampled({{0.40, 0.30}, {0.54, 0.17}, {0.54, 0.84}})};
    case 2:
        return {sampled(concat(arc({0.5, 0.33}, 0.17, 0.16, 1.15 * pi, 2.2 * pi, 24),
                               {{0.55, 0.55}, {0.32, 0.82}, {0.72, 0.82}}))};
    case 3:
        return {sampled(concat(arc({0.5, 0.31}, 0.16, 0.14, 1.1 * pi, 2.5 * pi, 24),
                               arc({0.5, 0.64}, 0.19, 0.19, 1.5 * pi, 2.85 * pi, 28)))};
    case 4:
        return {sampled({{0.56, 0.16}, {0.30, 0.60}, {0.76, 0.60}}),
                sampled({{0.60, 0.34}, {0.60, 0.86}})};
    case 5:
        return {sampled(concat({{0.68, 0.17}, {0.37, 0.17}, {0.34, 0.46}},
                               arc({0.5, 0.63}, 0.19, 0.2, 1.2 * pi, 2.75 * pi, 28)))};
    case 6:
        return {sampled(concat({{0.64, 0.15}, {0.46, 0.30}, {0.36, 0.50}},
                               arc({0.51, 0.67}, 0.16, 0.17, pi, 3.0 * pi, 32)))};
    case 7:
        return {sampled({{0.30, 0.18}, {0.72, 0.18}, {0.55, 0.48}, {0.45, 0.86}})};
    case 8:
        return figureEight();
    case 9:
        return {sampled(concat(arc({0.5, 0.34}, 0.16, 0.16, 0.0, -2.0 * pi, 36),
                               {{0.64, 0.55}, {0.58, 0.86}}))};
    default:
        throw std::out_of_range("no demo drawing for digit " + std::to_string(digit));
    }
}

} // namespace liveml::widgets
