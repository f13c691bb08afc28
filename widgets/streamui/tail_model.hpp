#pragma once
#include <QAbstractTableModel>
#include <QList>

#include <deque>

#include "streamui/tail_row.hpp"

namespace liveml::streamui {

// The newest rows of the message tail, at most `capacity` (the oldest drop out), for a
// QTableView. Lives on the GUI thread; MessageTail fills it in batches.
class TailModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Topic, Partition, Offset, Time, Actual, Predicted, Digit, Detail, kColumns };
    static constexpr int kDefaultCapacity = 5000;
    static constexpr int kDigitCell = 24; // pixels of the 8×8 digit's thumbnail

    explicit TailModel(int capacity = kDefaultCapacity, QObject* parent = nullptr);

    void append(const QList<TailRow>& rows);
    void clear();
    const TailRow& row(int index) const { return rows_[std::size_t(index)]; }
    int capacity() const noexcept { return capacity_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The 8×8 digit as a grey image (ink dark on white), `side` pixels square.
    static QImage digitImage(const TailRow& row, int side);

  private:
    QString detail(const TailRow& row) const;

    int capacity_;
    std::deque<TailRow> rows_;
};

} // namespace liveml::streamui
