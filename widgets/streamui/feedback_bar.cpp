#include "streamui/feedback_bar.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "prediction.hpp"
#include "streamui/feedback_producer.hpp"

namespace liveml::streamui {

FeedbackBar::FeedbackBar(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), confirm_(new QPushButton(this)),
      copiesLabel_(new QLabel(this)), copies_(new QSpinBox(this)), outcome_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    row->setSpacing(2);
    row->addWidget(confirm_);
    for (int d = 0; d < 10; ++d) {
        digits_[d] = new QPushButton(QString::number(d), this);
        digits_[d]->setFixedWidth(26);
        connect(digits_[d], &QPushButton::clicked, this, [this, d] { give(d); });
        row->addWidget(digits_[d]);
    }
    connect(confirm_, &QPushButton::clicked, this, [this] { give(predicted_); });
    layout->addWidget(title_);
    layout->addLayout(row);
    copies_->setRange(1, FeedbackProducer::kMaxCopies);
    copies_->setValue(kDefaultCopies);
    copiesLabel_->setBuddy(copies_);
    auto* copiesRow = new QHBoxLayout;
    copiesRow->addWidget(copiesLabel_);
    copiesRow->addWidget(copies_);
    copiesRow->addStretch();
    layout->addLayout(copiesRow);
    outcome_->setWordWrap(true);
    layout->addWidget(outcome_);
    retranslate();
    updateEnabled();
}

void FeedbackBar::showPrediction(const widgets::Prediction& prediction) {
    if (prediction.hasResult() && !prediction.features.empty) {
        features_ = prediction.features.x;
        predicted_ = prediction.label;
    } else {
        features_.reset();
        predicted_ = -1;
    }
    updateEnabled();
}

void FeedbackBar::showOutcome(const QString& text) {
    outcome_->setText(text);
}

void FeedbackBar::give(int label) {
    if (!features_ || label < 0 || label > 9) return;
    emit feedbackGiven(*features_, label, copies_->value());
}

void FeedbackBar::updateEnabled() {
    const bool ready = features_.has_value();
    confirm_->setEnabled(ready && predicted_ >= 0);
    for (QPushButton* button : digits_)
        button->setEnabled(ready);
}

void FeedbackBar::retranslate() {
    title_->setText(tr("Teach the learners: is the answer right?"));
    confirm_->setText(tr("Correct"));
    confirm_->setToolTip(tr("Teach this drawing with the model's answer as its label: the "
                            "Draw page's learners learn it now, a connected stream's trainer "
                            "within seconds"));
    for (int d = 0; d < 10; ++d)
        digits_[d]->setToolTip(tr("Teach this drawing as a %1").arg(d));
    copiesLabel_->setText(tr("Copies per correction:"));
    copies_->setToolTip(tr("Samples per answer: the drawing and slightly turned, slanted or "
                           "widened variations of it. One sample is drowned out by a fast "
                           "stream; more copies let a few corrections change the model."));
}

void FeedbackBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::streamui
