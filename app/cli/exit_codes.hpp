#pragma once
// The one error model of `liveml` and `liveml-clip` (docs/cli.md): every command ends with one
// of these codes, whatever went wrong and wherever.
#include <stdexcept>

namespace liveml::cli {

enum ExitCode : int {
    kOk = 0,
    kFailure = 1,      // the work itself failed (bad input file, unreachable server, …)
    kUsage = 2,        // bad flags or arguments, found while parsing, before any work
    kPartial = 3,      // some inputs processed, some rejected (e.g. predict with a bad image)
    kInterrupted = 130 // stopped by SIGINT/SIGTERM after a clean shutdown
};

// A combination of flags that CLI11 cannot check by itself (e.g. "either --gallery or
// --dataset"); a command throws it before doing any work and exits kUsage.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace liveml::cli
