#include "model_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <map>

#include "json_output.hpp"
#include "online/model_file.hpp"

namespace liveml::cli {
namespace {

using online::SgdClassifier;

std::string json_string_map(const std::vector<std::pair<std::string, std::string>>& fields) {
    JsonObject object;
    for (const auto& [name, value] : fields)
        object.add(name, value);
    return object.str();
}

std::string model_json(const online::SavedModel& saved, std::uint32_t format_version,
                       const ModelOrigin& origin) {
    const SgdClassifier& m = saved.model;
    std::string coef = "[";
    for (std::size_t k = 0; k < m.n_coef_rows(); ++k) {
        if (k) coef += ',';
        coef += json_array(m.coef(k));
    }
    coef += ']';
    return JsonObject{}
        .add("learner", "sgd_classifier")
        .add("loss", online::to_string(m.params().loss))
        .add("penalty", online::to_string(m.params().penalty))
        .add("alpha", m.params().alpha)
        .add("classes", std::span<const int>(m.classes()))
        .add("n_features", std::uint64_t{m.n_features()})
        .add_raw("coef", coef)
        .add("intercept", m.intercept())
        .add("t", m.t())
        .add("samples_seen", m.samples_seen())
        .add_raw("metadata", json_string_map({saved.metadata.begin(), saved.metadata.end()}))
        .add("format_version", std::uint64_t{format_version})
        .add_raw("origin", json_string_map(origin))
        .str();
}

// Learners other than SGD: what every learner can say about itself.
std::string learner_json(const online::SavedLearner& saved, std::uint32_t format_version,
                         const ModelOrigin& origin) {
    const online::OnlineClassifier& m = *saved.model;
    return JsonObject{}
        .add("learner", std::string(m.kind()))
        .add("classes", std::span<const int>(m.classes()))
        .add("n_features", std::uint64_t{m.n_features()})
        .add("samples_seen", m.samples_seen())
        .add("probabilities", m.has_proba())
        .add_raw("metadata", json_string_map({saved.metadata.begin(), saved.metadata.end()}))
        .add("format_version", std::uint64_t{format_version})
        .add_raw("origin", json_string_map(origin))
        .str();
}

std::ostream& row(std::ostream& out, std::string_view label) {
    return out << std::left << std::setw(14) << label;
}

void print_metadata(const std::map<std::string, std::string>& metadata, std::ostream& out) {
    if (metadata.empty()) return;
    out << "metadata\n";
    // A long value (a trainer checkpoint's drift_state) is shortened here; --json has it whole.
    constexpr std::size_t kShown = 60;
    for (const auto& [name, value] : metadata) {
        out << "  " << std::left << std::setw(16) << name;
        if (value.size() > 2 * kShown)
            out << value.substr(0, kShown) << "… (" << value.size() << " bytes)\n";
        else
            out << value << '\n';
    }
}

void print_learner_summary(const online::SavedLearner& saved, std::uint32_t format_version,
                           const ModelOrigin& origin, std::ostream& out) {
    const online::OnlineClassifier& m = *saved.model;
    for (const auto& [name, value] : origin)
        row(out, name) << value << '\n';
    row(out, "learner") << m.kind() << (m.has_proba() ? "" : " (no probabilities)") << '\n';
    row(out, "format") << "version " << format_version << '\n';
    row(out, "classes");
    for (const int c : m.classes())
        out << c << ' ';
    out << '\n';
    row(out, "features") << m.n_features() << '\n';
    row(out, "samples seen") << m.samples_seen() << '\n';
    print_metadata(saved.metadata, out);
}

void print_summary(const online::SavedModel& saved, std::uint32_t format_version,
                   const ModelOrigin& origin, std::ostream& out) {
    const SgdClassifier& m = saved.model;
    std::size_t weights = 0, zeros = 0;
    double largest = 0;
    for (std::size_t k = 0; k < m.n_coef_rows(); ++k)
        for (const double w : m.coef(k)) {
            ++weights;
            zeros += w == 0.0;
            largest = std::max(largest, std::abs(w));
        }
    const auto row = [&out](std::string_view label) -> std::ostream& {
        return cli::row(out, label);
    };
    for (const auto& [name, value] : origin)
        row(name) << value << '\n';
    row("learner") << "sgd_classifier (loss " << online::to_string(m.params().loss) << ", penalty "
                   << online::to_string(m.params().penalty) << ", alpha " << m.params().alpha
                   << ")\n";
    row("format") << "version " << format_version << '\n';
    row("classes");
    for (const int c : m.classes())
        out << c << ' ';
    out << '\n';
    row("features") << m.n_features() << '\n';
    row("samples seen") << m.samples_seen() << " (t " << m.t() << ")\n";
    row("weights") << weights << " coefficients, " << zeros << " exactly zero, max |w| " << largest
                   << '\n';
    row("intercepts");
    for (const double b : m.intercept())
        out << b << ' ';
    out << '\n';
    print_metadata(saved.metadata, out);
}

// The version field of a file that already decoded (bytes 8..11, little-endian).
std::uint32_t format_version_of(std::string_view bytes) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(bytes[8 + static_cast<std::size_t>(i)]);
    return v;
}

} // namespace

void print_model(std::string_view bytes, const ModelOrigin& origin, bool as_json,
                 std::ostream& out) {
    online::SavedLearner learner = online::deserialize_learner(bytes);
    const std::uint32_t version = format_version_of(bytes);
    if (auto* sgd = dynamic_cast<SgdClassifier*>(learner.model.get())) {
        // The SGD report lists every weight, as it always has.
        const online::SavedModel saved{std::move(*sgd), std::move(learner.metadata)};
        if (as_json)
            out << model_json(saved, version, origin) << '\n';
        else
            print_summary(saved, version, origin, out);
        return;
    }
    if (as_json)
        out << learner_json(learner, version, origin) << '\n';
    else
        print_learner_summary(learner, version, origin, out);
}

} // namespace liveml::cli
