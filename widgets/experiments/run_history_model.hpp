#pragma once
#include <QAbstractTableModel>

namespace liveml::experiments {

class JobRunner;

// The history table: one row per run, newest first (kind, dataset, model, device, status,
// started, duration, headline metric). Follows the runner's signals; failed runs are red
// with their error as tooltip; a running run's duration counts up once a second. GUI thread
// only.
class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Kind, Dataset, Model, Device, Status, Started, Duration, Headline, Id, Count };
    static constexpr int kRunIdRole = Qt::UserRole + 1;

    explicit RunHistoryModel(JobRunner& runner, QObject* parent = nullptr);

    QString runIdAt(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  private:
    void tickRunning();

    const JobRunner& runner_;
};

} // namespace liveml::experiments
