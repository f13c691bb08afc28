// Lines of a CLIP job's stdout (docs/job-protocol.md) reach the studio's Experiments page
// through jobs::parse_job_line; a child that crashed half-way, a library printing to stdout or
// a newer liveml-clip controls these bytes. The reader must never throw and must say why a
// line is not an event.
#include "jobs/job_event.hpp"

#include <cstdint>
#include <cstdlib>

using namespace liveml::jobs;

namespace {

bool same(const JobEvent& a, const JobEvent& b) {
    return a.type == b.type && a.name == b.name && a.phase == b.phase && a.step == b.step &&
           a.total == b.total && a.loss == b.loss && a.eta_s == b.eta_s && a.message == b.message;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ParsedLine parsed =
        parse_job_line(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed.event) {
        if (parsed.error.empty()) std::abort();
        return 0;
    }
    const JobEvent& event = *parsed.event;
    if (event.name.empty() || !event.body.is_object()) std::abort();
    if (event.type == EventType::Progress && (event.step < 0 || event.total < 0)) std::abort();
    // An error line always has words for the user.
    if (event.type == EventType::Error && event.message.empty()) std::abort();
    // What the studio keeps (the body) reads back as the same event: the run history stores it.
    const ParsedLine again = parse_job_line(event.body.dump());
    if (!again.event || !same(event, *again.event)) std::abort();
    return 0;
}
