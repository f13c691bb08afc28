#pragma once

namespace liveml {

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, read back, released).
// Someone else may take it before our server binds it: callers retry on "address in use".
// Throws std::runtime_error when no socket can be bound at all.
int pick_free_port();

} // namespace liveml
