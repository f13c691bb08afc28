#include "prediction_badge.hpp"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "prediction.hpp"

namespace liveml::widgets {

PredictionBadge::PredictionBadge(QWidget* parent)
    : QWidget(parent), digit_(new QLabel(this)), detail_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(digit_);
    layout->addWidget(detail_);

    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 5.5);
    big.setBold(true);
    digit_->setFont(big);
    digit_->setAlignment(Qt::AlignCenter);
    // Reserve the height of a digit so the layout does not jump between states.
    digit_->setMinimumHeight(QFontMetrics(big).height());
    digit_->setForegroundRole(QPalette::Link);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 1.15);
    detail_->setFont(small);
    detail_->setAlignment(Qt::AlignCenter);
    detail_->setWordWrap(true);
    render();
}

void PredictionBadge::showPrediction(const Prediction& prediction) {
    if (!prediction.error.isEmpty()) {
        state_ = State::Failed;
        error_ = prediction.error;
    } else if (prediction.hasResult()) {
        state_ = State::Answer;
        label_ = prediction.label;
        confidence_ = prediction.confidence;
    } else {
        state_ = prediction.features.empty ? State::NoDrawing : State::NoModel;
    }
    render();
}

void PredictionBadge::showNoModel() {
    state_ = State::NoModel;
    render();
}

QString PredictionBadge::digitText() const {
    return digit_->text();
}
QString PredictionBadge::detailText() const {
    return detail_->text();
}

void PredictionBadge::render() {
    switch (state_) {
    case State::Answer:
        digit_->setText(QString::number(label_));
        detail_->setText(
            tr("Confidence %1 %").arg(QLocale().toString(confidence_ * 100.0, 'f', 1)));
        break;
    case State::NoDrawing:
        digit_->setText(QStringLiteral("–"));
        detail_->setText(tr("Draw a digit to see the prediction"));
        break;
    case State::NoModel:
        digit_->setText(QStringLiteral("…"));
        detail_->setText(tr("Waiting for a model"));
        break;
    case State::Failed:
        digit_->setText(QStringLiteral("?"));
        detail_->setText(tr("The model could not answer: %1").arg(error_));
        break;
    }
}

void PredictionBadge::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) render();
    QWidget::changeEvent(event);
}

} // namespace liveml::widgets
