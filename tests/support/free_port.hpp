#pragma once

namespace liveml::testing {

// A TCP port on 127.0.0.1 that was free a moment ago: bound to port 0, read back, released.
// For servers that must be told their port up front (`liveml broker --port P`); another
// process may take it in between, so a caller that can should retry on a bind failure.
int free_loopback_port();

} // namespace liveml::testing
