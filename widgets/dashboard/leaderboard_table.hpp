#pragma once
#include <QTableWidget>

#include <vector>

#include "stream/learner_report.hpp"

namespace liveml::dashboard {

// The learners of the trainer side by side, best accuracy first: accuracy and log loss of the
// last metrics interval, calibration (expected calibration error, Brier score) and each
// learner's own records/s; a dash where a learner has no value (no probabilities). Each row's
// swatch is the learner's colour on the charts. GUI thread only; fed by DashboardView.
class LeaderboardTable : public QTableWidget {
    Q_OBJECT
  public:
    enum Column { kLearner, kAccuracy, kLogLoss, kEce, kBrier, kRate, kColumnCount };

    explicit LeaderboardTable(QWidget* parent = nullptr);

    // Replaces the rows; the table's height fits them all.
    void setReports(const std::vector<stream::LearnerReport>& reports);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
};

} // namespace liveml::dashboard
