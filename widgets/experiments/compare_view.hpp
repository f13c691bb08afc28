#pragma once
#include <QWidget>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "jobs/compare_table.hpp"

class QCheckBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;

namespace liveml::experiments {

// The result of a `liveml clip compare` run: a sortable table of the models' figures
// (parameters, size, compression, latency, speed-up, zero-shot and retrieval quality, share
// retained), a scatter chart of image latency against zero-shot top-1 with marker area
// following the parameter count and the Pareto front drawn, and the settings of the runs that
// made the models side by side with a "differences only" toggle. Exports CSV with run ids.
// GUI thread only.
class CompareView : public QWidget {
    Q_OBJECT
  public:
    explicit CompareView(QWidget* parent = nullptr);

    // `result`: the compare job's result; `run_of`: model folder → the run that made it;
    // `settings`: run id → that run's options (params.json), for the settings table.
    void show(const nlohmann::json& result, const std::map<std::string, std::string>& run_of,
              const std::map<std::string, nlohmann::json>& settings);

    const std::vector<jobs::ComparedModel>& models() const { return models_; }
    // Indices into models() of the Pareto front (latency vs zero-shot top-1).
    const std::vector<std::size_t>& front() const { return front_; }
    QTableWidget* modelTable() const { return table_; }
    QTableWidget* settingsTable() const { return settings_; }
    QCustomPlot* scatter() const { return plot_; }
    QCheckBox* differencesOnly() const { return differencesOnly_; }
    // Writes the CSV export; false (and nothing written) when the file cannot be written.
    bool exportCsv(const QString& path) const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void fillTable();
    void fillScatter();
    void fillSettings();
    void applySettingsFilter();
    void retranslate();
    QString modelName(const jobs::ComparedModel& model) const;

    std::vector<jobs::ComparedModel> models_;
    std::vector<std::size_t> front_;
    std::vector<jobs::SettingRow> settingRows_;
    QLabel* title_;
    QCheckBox* differencesOnly_;
    QPushButton* export_;
    QTableWidget* table_;
    QCustomPlot* plot_;
    QTableWidget* settings_;
};

} // namespace liveml::experiments
