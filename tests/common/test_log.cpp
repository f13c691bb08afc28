#include "common/log.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using liveml::LogLevel;

TEST(Log, LinesGoToTheInnermostSinkWhichRestoresTheOuterOne) {
    std::vector<std::string> outer, inner;
    const liveml::ScopedLogSink outer_sink(
        [&](LogLevel, std::string_view message) { outer.emplace_back(message); });
    {
        const liveml::ScopedLogSink inner_sink([&](LogLevel level, std::string_view message) {
            inner.push_back((level == LogLevel::Warning ? "W " : "I ") + std::string(message));
        });
        liveml::LogLine() << "checkpoint version " << 3 << " (" << 1.5 << ")\n";
        liveml::LogLine(LogLevel::Warning) << "lost";
    }
    liveml::log_message(LogLevel::Info, "after");
    EXPECT_EQ(inner, (std::vector<std::string>{"I checkpoint version 3 (1.5)", "W lost"}));
    EXPECT_EQ(outer, (std::vector<std::string>{"after"}));
}

TEST(Log, WithoutASinkMessagesAreDropped) {
    liveml::LogLine() << "nobody listens"; // must neither crash nor print
}

} // namespace
