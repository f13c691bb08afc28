#include "experiments/run_history_model.hpp"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include "experiments/job_runner.hpp"
#include "experiments/job_texts.hpp"

namespace liveml::experiments {

namespace {

QString durationText(double seconds) {
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60) return RunHistoryModel::tr("%1 s").arg(s);
    if (s < 3600) return RunHistoryModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return RunHistoryModel::tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

} // namespace

RunHistoryModel::RunHistoryModel(JobRunner& runner, QObject* parent)
    : QAbstractTableModel(parent), runner_(runner) {
    // Runs are few (hundreds): a reset per change keeps rows and runner in step simply.
    const auto reset = [this] {
        beginResetModel();
        endResetModel();
    };
    connect(&runner, &JobRunner::runAdded, this, reset);
    connect(&runner, &JobRunner::runRemoved, this, reset);
    connect(&runner, &JobRunner::runChanged, this, [this](const QString& id) {
        const int row = rowOf(id);
        if (row >= 0) emit dataChanged(index(row, 0), index(row, Count - 1));
    });
    auto* ticker = new QTimer(this);
    ticker->setInterval(1000);
    connect(ticker, &QTimer::timeout, this, &RunHistoryModel::tickRunning);
    ticker->start();
}

void RunHistoryModel::tickRunning() {
    const auto& runs = runner_.runs();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].status != jobs::RunStatus::Running) continue;
        const int row = int(runs.size() - 1 - i); // newest first
        emit dataChanged(index(row, Duration), index(row, Duration));
    }
}

QString RunHistoryModel::runIdAt(int row) const {
    const auto& runs = runner_.runs();
    if (row < 0 || row >= int(runs.size())) return {};
    return QString::fromStdString(runs[runs.size() - 1 - std::size_t(row)].id);
}

int RunHistoryModel::rowOf(const QString& id) const {
    const auto& runs = runner_.runs();
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (QString::fromStdString(runs[i].id) == id) return int(runs.size() - 1 - i);
    return -1;
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(runner_.runs().size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Count;
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    const jobs::RunRecord* run = runner_.run(runIdAt(index.row()));
    if (!run) return {};
    if (role == kRunIdRole) return QString::fromStdString(run->id);
    if (role == Qt::ForegroundRole && index.column() == Status &&
        run->status == jobs::RunStatus::Failed)
        return QBrush(QColor(0xd3, 0x2f, 0x2f));
    if (role == Qt::ToolTipRole && run->status == jobs::RunStatus::Failed)
        return QString::fromStdString(run->error);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Kind:
        return kindText(run->spec.kind);
    case Dataset:
        return QString::fromStdString(run->spec.data_source());
    case Model: {
        std::string model = run->spec.option("model");
        if (model.empty()) model = run->spec.option("teacher");
        if (model.empty()) model = run->spec.option("base");
        return modelText(QString::fromStdString(model));
    }
    case Device:
        return QString::fromStdString(run->device);
    case Status:
        return statusText(run->status);
    case Started:
        return run->started_ms > 0
                   ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(run->started_ms),
                                        QLocale::ShortFormat)
                   : QString();
    case Duration: {
        if (run->started_ms <= 0) return QString();
        // `seconds` sums the finished starts; a running start adds its time so far.
        const double running = run->status == jobs::RunStatus::Running
                                   ? double(QDateTime::currentMSecsSinceEpoch() -
                                            run->started_ms) / 1000.0
                                   : 0.0;
        return durationText(run->seconds + std::max(running, 0.0));
    }
    case Headline:
        return run->headline ? headlineText(*run->headline) : QString();
    case Id:
        return QString::fromStdString(run->id);
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Kind:
        return tr("Kind");
    case Dataset:
        return tr("Data");
    case Model:
        return tr("Model");
    case Device:
        return tr("Device");
    case Status:
        return tr("Status");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Headline:
        return tr("Result");
    case Id:
        return tr("Run");
    default:
        return {};
    }
}

} // namespace liveml::experiments
