#pragma once
#include "stroke.hpp"

namespace liveml::studio {

// One person's "7": a short flick for the bar and a long, almost upright stem. Written like
// that, it is close to a "1" for a model that learnt from the UCI digits, so it is the case
// where the user's corrections must teach the stream something. `variation` (any number)
// moves, scales and slants it a little, the way one hand never writes a digit twice the same;
// the same variation always gives the same drawing. Used by --feedback-demo and its test.
widgets::Drawing userSeven(int variation);

} // namespace liveml::studio
