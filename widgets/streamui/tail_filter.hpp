#pragma once
#include <QSortFilterProxyModel>

namespace liveml::streamui {

// Which tail rows to show: by actual and predicted label (-1 = any), only wrong predictions,
// and dead letters whose reason contains a text (case-insensitive). A reason text hides
// predictions, which have none.
class TailFilter : public QSortFilterProxyModel {
    Q_OBJECT
  public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setActual(int label);
    void setPredicted(int label);
    void setOnlyWrong(bool on);
    void setReasonText(const QString& text);

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

  private:
    template <class T> void update(T& field, const T& value);

    int actual_ = -1;
    int predicted_ = -1;
    bool onlyWrong_ = false;
    QString reason_;
};

} // namespace liveml::streamui
