#pragma once
// The text a detector's state is saved as, so a restarted trainer continues detection where
// it left off (a learner checkpoint's "drift_state" metadata). Space-separated tokens: words,
// unsigned counts, and doubles in C's hexadecimal form ("%a"), which round-trip exactly.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace liveml::drift {

// A state that cannot be read back: malformed, from another format version, for another
// detector kind or other settings. The detector it was read into is unchanged.
class DetectorStateError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

class StateWriter {
  public:
    void word(std::string_view w);
    void count(std::uint64_t n);
    void real(double x);
    const std::string& text() const noexcept { return text_; }

  private:
    void separate();
    std::string text_;
};

class StateReader {
  public:
    explicit StateReader(std::string_view text) : rest_(text) {}
    // Each read names what it wants, for the error message.
    void expect(std::string_view word, const char* what);
    std::uint64_t count(const char* what, std::uint64_t max);
    bool flag(const char* what) { return count(what, 1) == 1; }
    // Any double but NaN; finite_real also refuses infinities.
    double real(const char* what);
    double finite_real(const char* what);
    void expect_end();

  private:
    std::string_view token(const char* what);
    std::string_view rest_;
};

} // namespace liveml::drift
