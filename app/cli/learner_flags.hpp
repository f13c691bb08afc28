#pragma once
// The learner option group: --loss, --penalty, --alpha, shared by `fit` and `train` so both
// accept the same spellings and ranges.
#include <string>
#include <string_view>

#include "online/sgd_classifier.hpp"

namespace CLI {
class App;
}

namespace liveml::cli {

struct LearnerFlags {
    std::string loss = "log";
    std::string penalty = "l1";
    double alpha = 0.01;

    // `scope` ends each help text, e.g. " (new models)".
    void add_to(CLI::App& command, std::string_view scope = {});
    online::SgdParams params() const;
};

} // namespace liveml::cli
