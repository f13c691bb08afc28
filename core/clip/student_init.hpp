#pragma once
// --init-from-teacher: a student's text side and projections start from the teacher's weights
// (DistilBERT's every-second-layer mapping; TinyCLIP's weight inheritance where widths
// differ). Torch header: include only from .cpp files and tests.
#include "clip/clip_model.hpp"

#include <cstddef>
#include <cstdint>

namespace liveml::clip {

struct InheritReport {
    std::size_t copied = 0;  // tensors of equal shape, copied whole
    std::size_t sliced = 0;  // student tensor no larger in any dimension: the leading block
    std::size_t skipped = 0; // no counterpart, or a larger student dimension
};

// Teacher tensor feeding student tensor `name`: text layer i takes teacher layer 2i (the
// last one when the teacher has fewer), other text_model.* and the two projections keep
// their names; the image tower is not inherited (its architecture differs). Empty when none.
std::string teacher_source_name(const std::string& name, std::int64_t teacher_text_layers);

InheritReport inherit_from_teacher(ClipModelImpl& student, ClipModelImpl& teacher);

} // namespace liveml::clip
