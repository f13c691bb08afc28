#include "dashboard/leaderboard_table.hpp"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <cmath>

#include "dashboard/chart_theme.hpp"

namespace liveml::dashboard {

namespace {

constexpr int kSwatchPx = 12;

QIcon swatch(const QColor& color) {
    QPixmap pixmap(kSwatchPx, kSwatchPx);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.fillRect(pixmap.rect().adjusted(1, 1, -1, -1), color);
    return QIcon(pixmap);
}

QString number(double value, int decimals) {
    if (!std::isfinite(value)) return QStringLiteral("—");
    return QLocale().toString(value, 'f', decimals);
}

QString percent(double value) {
    if (!std::isfinite(value)) return QStringLiteral("—");
    return QLocale().toString(100.0 * value, 'f', 1) + QStringLiteral(" %");
}

} // namespace

LeaderboardTable::LeaderboardTable(QWidget* parent) : QTableWidget(0, kColumnCount, parent) {
    setObjectName(QStringLiteral("leaderboard"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(kLearner, QHeaderView::ResizeToContents);
    setIconSize(QSize(kSwatchPx, kSwatchPx));
    retranslate();
}

void LeaderboardTable::setReports(const std::vector<stream::LearnerReport>& reports) {
    std::vector<const stream::LearnerReport*> order;
    for (const auto& report : reports)
        order.push_back(&report);
    // Best first; a learner without an accuracy yet goes last.
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        const double x = std::isfinite(a->accuracy) ? a->accuracy : -1;
        const double y = std::isfinite(b->accuracy) ? b->accuracy : -1;
        return x > y;
    });
    setRowCount(int(order.size()));
    // Every learner in sight without a scroll bar (the registry has seven).
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   rowCount() * verticalHeader()->defaultSectionSize() + 2 * frameWidth());
    for (int row = 0; row < int(order.size()); ++row) {
        const auto& r = *order[std::size_t(row)];
        const QString cells[kColumnCount] = {QString::fromStdString(r.name),
                                             percent(r.accuracy),
                                             number(r.log_loss, 3),
                                             number(r.ece, 3),
                                             number(r.brier, 3),
                                             number(r.records_per_s, 0)};
        for (int column = 0; column < kColumnCount; ++column) {
            QTableWidgetItem* cell = item(row, column);
            if (!cell) {
                cell = new QTableWidgetItem;
                if (column != kLearner) cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                setItem(row, column, cell);
            }
            cell->setText(cells[column]);
        }
        item(row, kLearner)->setIcon(swatch(learnerColor(r.name)));
    }
}

void LeaderboardTable::retranslate() {
    setHorizontalHeaderLabels({tr("Learner"), tr("Accuracy"), tr("Log loss"),
                               tr("Calibration (ECE)"), tr("Brier"), tr("Records/s")});
    horizontalHeaderItem(kAccuracy)->setToolTip(
        tr("Prequential accuracy over the last metrics interval (each record scored before the "
           "learner trained on it)"));
    horizontalHeaderItem(kEce)->setToolTip(
        tr("Expected calibration error: how far the learner's confidence is from its accuracy "
           "(0 is perfectly calibrated; a dash: the learner gives no probabilities)"));
    horizontalHeaderItem(kRate)->setToolTip(
        tr("Records per second of this learner's own compute time (predict and learn)"));
}

void LeaderboardTable::changeEvent(QEvent* event) {
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

} // namespace liveml::dashboard
