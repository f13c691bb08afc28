#include "stroke_history.hpp"

namespace liveml::widgets {

namespace {
// Bounds memory for very long sessions; nobody undoes two hundred strokes.
constexpr qsizetype kMaxUndoSteps = 200;
} // namespace

void StrokeHistory::addStroke(const Stroke& stroke) {
    if (stroke.isEmpty()) return;
    Drawing next = current_;
    next.append(stroke);
    commit(std::move(next));
}

void StrokeHistory::clear() {
    if (current_.isEmpty()) return;
    commit({});
}

bool StrokeHistory::undo() {
    if (undo_.isEmpty()) return false;
    redo_.append(current_);
    current_ = undo_.takeLast();
    return true;
}

bool StrokeHistory::redo() {
    if (redo_.isEmpty()) return false;
    undo_.append(current_);
    current_ = redo_.takeLast();
    return true;
}

void StrokeHistory::commit(Drawing next) {
    undo_.append(current_);
    if (undo_.size() > kMaxUndoSteps) undo_.removeFirst();
    redo_.clear();
    current_ = std::move(next);
}

} // namespace liveml::widgets
