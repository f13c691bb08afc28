#include "streamui/tail_filter.hpp"

#include "streamui/tail_model.hpp"

namespace liveml::streamui {

template <class T> void TailFilter::update(T& field, const T& value) {
    if (field == value) return;
    field = value;
    invalidateRowsFilter();
}

void TailFilter::setActual(int label) {
    update(actual_, label);
}

void TailFilter::setPredicted(int label) {
    update(predicted_, label);
}

void TailFilter::setOnlyWrong(bool on) {
    update(onlyWrong_, on);
}

void TailFilter::setReasonText(const QString& text) {
    update(reason_, text.trimmed());
}

bool TailFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* model = static_cast<const TailModel*>(sourceModel());
    const TailRow& row = model->row(sourceRow);
    if (actual_ >= 0 && row.actual != actual_) return false;
    if (predicted_ >= 0 && row.predicted != predicted_) return false;
    if (onlyWrong_ && !row.wrong()) return false;
    if (!reason_.isEmpty() && !row.reason.contains(reason_, Qt::CaseInsensitive)) return false;
    return true;
}

} // namespace liveml::streamui
