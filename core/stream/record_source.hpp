#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "digits/digit_augmentation.hpp"
#include "digits/digits_dataset.hpp"

namespace liveml::stream {

// What `liveml produce` sends, one value at a time, endlessly (the caller decides when to stop).
class RecordSource {
  public:
    virtual ~RecordSource() = default;
    // The next record value; valid until the next call.
    virtual std::string_view next() = 0;
};

// A change of concept the producer stages on purpose (`liveml produce --drift`), to see the
// trainer's drift detectors fire (docs/streaming.md, "Drift").
struct DriftScenario {
    enum class Kind {
        kNone,
        kLabelSwap,     // from record `at` on, labels swapped in pairs: 0↔1, 2↔3, …, 8↔9
        kGradualWriter, // from `at`, a writer's distortion grows linearly over `span` records
        kNewWriter,     // from `at`, every digit in that writer's hand at once
    };
    Kind kind = Kind::kNone;
    std::uint64_t at = 0;   // index of the first changed record (0-based)
    std::uint64_t span = 1; // kGradualWriter only; ≥ 1
};

// The scenario names of --drift, in Kind order after kNone; nullopt for an unknown one.
std::optional<DriftScenario::Kind> drift_scenario_kind(std::string_view name);
const std::vector<std::string>& drift_scenario_names();

// The second writer of the writer scenarios: turned, slanted and narrowed, a different hand.
digits::Distortion new_writer_distortion(double strength);

// The original data producer: shuffled passes over the digits, each record stamped with the
// current time (UTC) as "YYYY-MM-DD HH:MM:SS"; optionally with a staged drift.
class DigitsRecordSource final : public RecordSource {
  public:
    DigitsRecordSource(std::vector<digits::DigitSample> samples, std::uint64_t seed,
                       DriftScenario drift = {});
    std::string_view next() override;

  private:
    DriftScenario drift_;
    std::uint64_t produced_ = 0;
    std::vector<digits::DigitSample> samples_;
    std::vector<std::size_t> order_;
    std::size_t position_ = 0;
    std::mt19937_64 random_;
    std::string buffer_;
};

// Lines of a file sent verbatim (empty lines skipped), over and over. Not validated: this is
// how malformed input is fed to a trainer on purpose.
class JsonLinesRecordSource final : public RecordSource {
  public:
    // Throws std::runtime_error when the file cannot be read or holds no non-empty line.
    explicit JsonLinesRecordSource(const std::filesystem::path& path);
    std::string_view next() override;
    std::size_t size() const noexcept { return lines_.size(); }

  private:
    std::vector<std::string> lines_;
    std::size_t position_ = 0;
};

} // namespace liveml::stream
