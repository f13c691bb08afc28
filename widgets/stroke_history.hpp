#pragma once
#include "stroke.hpp"

namespace liveml::widgets {

// The committed strokes of a canvas plus undo/redo. Every change (a finished stroke, a
// clear) records the whole previous drawing: drawings are a few kilobytes and implicitly
// shared, and snapshots make "undo a clear" as simple as "undo a stroke".
class StrokeHistory {
  public:
    const Drawing& current() const noexcept { return current_; }

    void addStroke(const Stroke& stroke);
    void clear(); // undoable; a no-op on an empty drawing
    bool undo();  // false when there is nothing to undo
    bool redo();  // false when there is nothing to redo
    bool canUndo() const noexcept { return !undo_.isEmpty(); }
    bool canRedo() const noexcept { return !redo_.isEmpty(); }

  private:
    void commit(Drawing next);

    Drawing current_;
    QList<Drawing> undo_;
    QList<Drawing> redo_;
};

} // namespace liveml::widgets
