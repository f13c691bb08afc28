#include "drift/detector_state.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace liveml::drift {

namespace {

[[noreturn]] void corrupt(const std::string& why) {
    throw DetectorStateError("drift detector state is not usable: " + why);
}

} // namespace

void StateWriter::separate() {
    if (!text_.empty()) text_ += ' ';
}

void StateWriter::word(std::string_view w) {
    separate();
    text_ += w;
}

void StateWriter::count(std::uint64_t n) {
    separate();
    text_ += std::to_string(n);
}

void StateWriter::real(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", x);
    separate();
    text_ += buf;
}

std::string_view StateReader::token(const char* what) {
    const auto start = rest_.find_first_not_of(' ');
    if (start == std::string_view::npos) corrupt(std::string("it ends before ") + what);
    rest_.remove_prefix(start);
    const auto end = std::min(rest_.find(' '), rest_.size());
    const auto t = rest_.substr(0, end);
    rest_.remove_prefix(end);
    return t;
}

void StateReader::expect(std::string_view word, const char* what) {
    const auto t = token(what);
    if (t != word)
        corrupt(std::string(what) + " is '" + std::string(t) + "', expected '" + std::string(word) +
                "'");
}

std::uint64_t StateReader::count(const char* what, std::uint64_t max) {
    const auto t = token(what);
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (ec != std::errc() || end != t.data() + t.size())
        corrupt(std::string(what) + " is not a count: '" + std::string(t) + "'");
    if (n > max)
        corrupt(std::string(what) + " is " + std::to_string(n) + ", at most " +
                std::to_string(max) + " is possible");
    return n;
}

double StateReader::real(const char* what) {
    const std::string t(token(what)); // strtod needs the terminating zero
    char* end = nullptr;
    const double x = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size() || std::isnan(x))
        corrupt(std::string(what) + " is not a number: '" + t + "'");
    return x;
}

double StateReader::finite_real(const char* what) {
    const double x = real(what);
    if (!std::isfinite(x)) corrupt(std::string(what) + " is not finite");
    return x;
}

void StateReader::expect_end() {
    if (rest_.find_first_not_of(' ') != std::string_view::npos)
        corrupt("unexpected text after the state");
}

} // namespace liveml::drift
