#include "common/log.hpp"

#include <mutex>
#include <string>
#include <utility>

namespace liveml {
namespace {

std::mutex& sink_mutex() {
    static std::mutex mutex;
    return mutex;
}

LogSink& current_sink() {
    static LogSink sink;
    return sink;
}

LogSink exchange_sink(LogSink sink) {
    const std::lock_guard lock(sink_mutex());
    return std::exchange(current_sink(), std::move(sink));
}

} // namespace

void log_message(LogLevel level, std::string_view message) {
    // Held while the sink runs, so lines from Kafka's threads and the caller never interleave.
    const std::lock_guard lock(sink_mutex());
    if (current_sink()) current_sink()(level, message);
}

ScopedLogSink::ScopedLogSink(LogSink sink) : previous_(exchange_sink(std::move(sink))) {}

ScopedLogSink::~ScopedLogSink() {
    exchange_sink(std::move(previous_));
}

LogLine::~LogLine() {
    std::string text = text_.str();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    log_message(level_, text);
}

} // namespace liveml
