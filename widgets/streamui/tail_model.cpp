#include "streamui/tail_model.hpp"

#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QPixmap>

namespace liveml::streamui {

namespace {
constexpr int kGrid = 8;
constexpr int kMaxPixel = 16;
constexpr int kOriginalPreviewBytes = 200;

QString labelText(int label) {
    return label >= 0 ? QString::number(label) : QStringLiteral("–");
}
} // namespace

TailModel::TailModel(int capacity, QObject* parent)
    : QAbstractTableModel(parent), capacity_(std::max(1, capacity)) {}

void TailModel::append(const QList<TailRow>& rows) {
    if (rows.isEmpty()) return;
    // Only the newest `capacity_` of the batch can stay.
    const qsizetype skip = std::max<qsizetype>(0, rows.size() - capacity_);
    const int incoming = int(rows.size() - skip);
    const int drop = std::max(0, int(rows_.size()) + incoming - capacity_);
    if (drop > 0) {
        beginRemoveRows({}, 0, drop - 1);
        rows_.erase(rows_.begin(), rows_.begin() + drop);
        endRemoveRows();
    }
    beginInsertRows({}, int(rows_.size()), int(rows_.size()) + incoming - 1);
    rows_.insert(rows_.end(), rows.begin() + skip, rows.end());
    endInsertRows();
}

void TailModel::clear() {
    beginResetModel();
    rows_.clear();
    endResetModel();
}

int TailModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int TailModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kColumns;
}

QImage TailModel::digitImage(const TailRow& row, int side) {
    QImage image(kGrid, kGrid, QImage::Format_Grayscale8);
    for (int y = 0; y < kGrid; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < kGrid; ++x)
            line[x] = uchar(255 - row.pixels[std::size_t(y * kGrid + x)] * 255 / kMaxPixel);
    }
    return image.scaled(side, side, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QString TailModel::detail(const TailRow& row) const {
    if (!row.problem.isEmpty()) return row.problem;
    if (row.kind == TailRow::Kind::Prediction) return row.wrong() ? tr("wrong") : tr("correct");
    QString original = QString::fromUtf8(row.original.left(kOriginalPreviewBytes));
    if (row.original.size() > kOriginalPreviewBytes) original += QStringLiteral("…");
    return tr("%1: %2").arg(row.reason, original);
}

QVariant TailModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(rows_.size())) return {};
    const TailRow& row = rows_[std::size_t(index.row())];
    if (role == Qt::DecorationRole && index.column() == Digit && row.hasPixels)
        return QPixmap::fromImage(digitImage(row, kDigitCell));
    if (role == Qt::ToolTipRole && index.column() == Detail && !row.original.isEmpty())
        return QString::fromUtf8(row.original);
    if (role == Qt::ForegroundRole && (row.wrong() || row.kind == TailRow::Kind::DeadLetter) &&
        (index.column() == Predicted || index.column() == Detail))
        return QColor(0xd1, 0x24, 0x2f);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Topic:
        return row.kind == TailRow::Kind::DeadLetter ? tr("DLQ") : tr("predict");
    case Partition:
        return row.partition;
    case Offset:
        return QVariant::fromValue<qlonglong>(row.offset);
    case Time:
        return row.timestampMs < 0
                   ? QString()
                   : QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.timestampMs).time(),
                                        QStringLiteral("HH:mm:ss.zzz"));
    case Actual:
        return labelText(row.actual);
    case Predicted:
        return labelText(row.predicted);
    case Detail:
        return detail(row);
    default:
        return {};
    }
}

QVariant TailModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Topic:
        return tr("Topic");
    case Partition:
        return tr("Partition");
    case Offset:
        return tr("Offset");
    case Time:
        return tr("Time");
    case Actual:
        return tr("Actual");
    case Predicted:
        return tr("Predicted");
    case Digit:
        return tr("Digit");
    case Detail:
        return tr("Result / reason and original bytes");
    default:
        return {};
    }
}

} // namespace liveml::streamui
