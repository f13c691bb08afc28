#pragma once
// Core libraries never write to std::cerr: what they have to tell people (a resumed model, a
// lost delivery) goes to the log sink the application installs. The CLI prints it on stderr
// beside its own messages; with no sink installed, messages are dropped.
#include <functional>
#include <sstream>
#include <string_view>

namespace liveml {

enum class LogLevel { Info, Warning };

using LogSink = std::function<void(LogLevel, std::string_view message)>;

// Sends one message to the installed sink. Thread-safe: sinks are called one at a time.
void log_message(LogLevel level, std::string_view message);

// Installs `sink` for as long as this object lives, then puts the previous one back.
class ScopedLogSink {
  public:
    explicit ScopedLogSink(LogSink sink);
    ~ScopedLogSink();
    ScopedLogSink(const ScopedLogSink&) = delete;
    ScopedLogSink& operator=(const ScopedLogSink&) = delete;

  private:
    LogSink previous_;
};

// One message built with <<, sent when the line goes out of scope (a trailing newline is
// dropped: the sink decides how lines end).
class LogLine {
  public:
    explicit LogLine(LogLevel level = LogLevel::Info) : level_(level) {}
    ~LogLine();
    LogLine(const LogLine&) = delete;
    LogLine& operator=(const LogLine&) = delete;

    template <class T> LogLine& operator<<(const T& value) {
        text_ << value;
        return *this;
    }

  private:
    LogLevel level_;
    std::ostringstream text_;
};

} // namespace liveml
