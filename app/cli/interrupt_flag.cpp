#include "interrupt_flag.hpp"

namespace liveml::cli {
namespace {

volatile std::sig_atomic_t g_raised = 0;

void on_signal(int) {
    g_raised = 1;
}

} // namespace

InterruptFlag::InterruptFlag() {
    g_raised = 0;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
}

InterruptFlag::~InterruptFlag() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
}

bool InterruptFlag::raised() const noexcept {
    return g_raised != 0;
}

} // namespace liveml::cli
