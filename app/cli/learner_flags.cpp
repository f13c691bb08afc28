#include "learner_flags.hpp"

#include <CLI/CLI.hpp>

#include "finite_numbers.hpp"

namespace liveml::cli {

void LearnerFlags::add_to(CLI::App& command, std::string_view scope) {
    const std::string tail(scope);
    command.add_option("--loss", loss, "Loss function" + tail)
        ->check(CLI::IsMember({"log", "log_loss", "hinge"}))
        ->capture_default_str();
    command.add_option("--penalty", penalty, "Regularisation" + tail)
        ->check(CLI::IsMember({"l1", "l2", "none"}))
        ->capture_default_str();
    command.add_option("--alpha", alpha, "Regularisation strength, finite and > 0" + tail)
        ->check(positive_finite())
        ->capture_default_str();
}

online::SgdParams LearnerFlags::params() const {
    online::SgdParams params;
    params.loss = online::parse_loss(loss);
    params.penalty = online::parse_penalty(penalty);
    params.alpha = alpha;
    return params;
}

} // namespace liveml::cli
