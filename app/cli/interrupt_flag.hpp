#pragma once
// Lets a long-running subcommand stop cleanly on Ctrl-C / SIGTERM: while an InterruptFlag
// lives, those signals only set a flag that the work loop polls, and the command then exits
// with kInterrupted without leaving half-written output behind.
#include <csignal>

namespace liveml::cli {

class InterruptFlag {
  public:
    InterruptFlag();
    ~InterruptFlag(); // restores the previous handlers
    InterruptFlag(const InterruptFlag&) = delete;
    InterruptFlag& operator=(const InterruptFlag&) = delete;

    bool raised() const noexcept;

  private:
    struct sigaction previous_int_ {};
    struct sigaction previous_term_ {};
};

} // namespace liveml::cli
