#include "user_handwriting.hpp"

#include <random>

namespace liveml::studio {

namespace {
constexpr int kPointsPerSegment = 24; // about a mouse's sampling of a steady stroke

// Points from `from` to `to` (exclusive of `to`), appended to the stroke.
void appendSegment(widgets::Stroke& stroke, QPointF from, QPointF to) {
    for (int i = 0; i < kPointsPerSegment; ++i)
        stroke.append({from + (to - from) * (qreal(i) / kPointsPerSegment), 1.0});
}
} // namespace

widgets::Drawing userSeven(int variation) {
    std::mt19937 random(static_cast<std::mt19937::result_type>(variation) * 2654435761u + 17u);
    const auto jitter = [&random](qreal spread) {
        return std::uniform_real_distribution<qreal>(-spread, spread)(random);
    };
    const qreal x = 0.45 + jitter(0.02);     // where the bar starts
    const qreal top = 0.20 + jitter(0.02);   // height of the bar
    const qreal bar = 0.12 + jitter(0.015);  // a flick, not a full bar
    const qreal lean = 0.05 + jitter(0.015); // the stem drifts left as it falls
    const qreal bottom = 0.84 + jitter(0.02);

    const QPointF barStart(x, top + 0.01);
    const QPointF corner(x + bar, top);
    const QPointF foot(x + bar - lean, bottom);
    widgets::Stroke stroke;
    appendSegment(stroke, barStart, corner);
    appendSegment(stroke, corner, foot);
    stroke.append({foot, 1.0});
    return {stroke};
}

} // namespace liveml::studio
