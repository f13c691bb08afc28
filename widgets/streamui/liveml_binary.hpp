#pragma once
#include <QString>

namespace liveml::streamui {

// The `liveml` CLI the studio starts for local mode: $LIVEML_CLI if set, else next to the
// studio (installed: the same bin directory), else the build tree's app/cli/liveml found by
// walking up from the studio's directory. Empty when none is an executable file.
QString findLivemlBinary();

} // namespace liveml::streamui
