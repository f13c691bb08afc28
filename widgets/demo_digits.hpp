#pragma once
#include "stroke.hpp"

namespace liveml::widgets {

// A scripted, plainly written drawing of digit 0..9 in unit coordinates, sampled densely
// like a real mouse stroke. Used by `liveml-studio --draw-demo`, the GUI tests and the
// latency benchmark. Throws std::out_of_range for other digits.
Drawing demoDigit(int digit);

} // namespace liveml::widgets
