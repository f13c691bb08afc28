#include "streamui/message_tail_view.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <map>

#include "series/metric_names.hpp"
#include "series/series_store.hpp"
#include "streamui/message_tail.hpp"
#include "streamui/tail_filter.hpp"
#include "streamui/tail_model.hpp"

namespace liveml::streamui {

namespace {
constexpr int kLagRefreshMs = 1000;

void fillLabelChoices(QComboBox& box, const QString& any) {
    const int current = box.currentIndex();
    QSignalBlocker block(&box);
    box.clear();
    box.addItem(any, -1);
    for (int label = 0; label <= 9; ++label)
        box.addItem(QString::number(label), label);
    box.setCurrentIndex(std::max(0, current));
}
} // namespace

MessageTailView::MessageTailView(series::SeriesStore& metrics, QWidget* parent)
    : QWidget(parent), metrics_(metrics), model_(new TailModel(TailModel::kDefaultCapacity, this)),
      filter_(new TailFilter(this)), table_(new QTableView(this)) {
    filter_->setSourceModel(model_);
    table_->setModel(filter_);
    table_->setObjectName(QStringLiteral("messageTailTable"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(TailModel::kDigitCell + 4);
    table_->setIconSize(QSize(TailModel::kDigitCell, TailModel::kDigitCell));
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(TailModel::Detail, QHeaderView::Stretch);

    state_ = new QLabel(this);
    lag_ = new QLabel(this);
    lag_->setObjectName(QStringLiteral("partitionLagLabel"));
    lag_->setWordWrap(true);
    lag_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(table_, 1);
    layout->addWidget(lag_);
    layout->addWidget(state_);

    connect(model_, &QAbstractItemModel::rowsInserted, this, &MessageTailView::updateCount);
    connect(model_, &QAbstractItemModel::modelReset, this, &MessageTailView::updateCount);
    connect(filter_, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!pause_->isChecked()) table_->scrollToBottom();
    });
    auto* lagTimer = new QTimer(this);
    connect(lagTimer, &QTimer::timeout, this, &MessageTailView::updateLag);
    lagTimer->start(kLagRefreshMs);
    retranslate();
}

MessageTailView::~MessageTailView() {
    tail_.reset(); // its thread emits into the model
}

QWidget* MessageTailView::buildToolbar() {
    auto* bar = new QWidget(this);
    // Two rows (reading controls, then filters) so the tail never makes the window wider.
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout();
    auto* filters = new QHBoxLayout();
    rows->addLayout(row);
    rows->addLayout(filters);
    fromBeginning_ = new QPushButton(bar);
    fromEnd_ = new QPushButton(bar);
    pause_ = new QPushButton(bar);
    pause_->setCheckable(true);
    actualLabel_ = new QLabel(bar);
    actual_ = new QComboBox(bar);
    predictedLabel_ = new QLabel(bar);
    predicted_ = new QComboBox(bar);
    onlyWrong_ = new QCheckBox(bar);
    reason_ = new QLineEdit(bar);
    reason_->setClearButtonEnabled(true);
    reason_->setMinimumWidth(220);
    count_ = new QLabel(bar);
    for (QWidget* w : std::initializer_list<QWidget*>{fromBeginning_, fromEnd_, pause_})
        row->addWidget(w);
    row->addStretch(1);
    row->addWidget(count_);
    for (QWidget* w : std::initializer_list<QWidget*>{actualLabel_, actual_, predictedLabel_,
                                                      predicted_, onlyWrong_, reason_})
        filters->addWidget(w);
    filters->addStretch(1);

    connect(fromBeginning_, &QPushButton::clicked, this, &MessageTailView::restartFromBeginning);
    connect(fromEnd_, &QPushButton::clicked, this, &MessageTailView::restartFromEnd);
    connect(pause_, &QPushButton::toggled, this, &MessageTailView::setPaused);
    connect(actual_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setActual(actual_->currentData().toInt()); });
    connect(predicted_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setPredicted(predicted_->currentData().toInt()); });
    connect(onlyWrong_, &QCheckBox::toggled, filter_, &TailFilter::setOnlyWrong);
    connect(reason_, &QLineEdit::textChanged, filter_, &TailFilter::setReasonText);
    connect(filter_, &QAbstractItemModel::rowsInserted, this, &MessageTailView::updateCount);
    connect(filter_, &QAbstractItemModel::rowsRemoved, this, &MessageTailView::updateCount);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &MessageTailView::updateCount);
    return bar;
}

void MessageTailView::connectTo(const stream::KafkaProperties& kafka, const std::string& sinkTopic,
                                const std::string& deadLetterTopic) {
    disconnectStream();
    tail_ = std::make_unique<MessageTail>(kafka, sinkTopic, deadLetterTopic);
    connect(tail_.get(), &MessageTail::rowsArrived, model_, &TailModel::append);
    connect(tail_.get(), &MessageTail::restarted, model_, &TailModel::clear);
    connect(tail_.get(), &MessageTail::stateChanged, this, [this](const QString& text) {
        stateText_ = text;
        state_->setText(text);
    });
    tail_->setPaused(pause_->isChecked());
    tail_->start(stream::KafkaTail::Start::kEnd);
}

void MessageTailView::disconnectStream() {
    tail_.reset();
    stateText_.clear();
    retranslate();
}

void MessageTailView::restartFromBeginning() {
    if (tail_) tail_->restart(stream::KafkaTail::Start::kBeginning);
}

void MessageTailView::restartFromEnd() {
    if (tail_) tail_->restart(stream::KafkaTail::Start::kEnd);
}

void MessageTailView::setPaused(bool paused) {
    if (pause_->isChecked() != paused) pause_->setChecked(paused); // re-enters once
    if (tail_) tail_->setPaused(paused);
}

QString MessageTailView::lagText() const {
    // The newest value of each partition's lag, whichever run reported it last.
    std::map<std::string, series::SeriesPoint> newest;
    const std::string prefix = series::metric::kLagPrefix;
    for (const series::SeriesKey& key : metrics_.keys()) {
        if (key.metric.rfind(prefix, 0) != 0) continue;
        const auto buffer = metrics_.find(key);
        if (!buffer || buffer->appended() == 0) continue;
        buffer->read_since(buffer->appended() - 1, [&](const series::SeriesPoint& p) {
            auto& slot = newest[key.metric.substr(prefix.size())];
            if (p.time >= slot.time) slot = p;
        });
    }
    QStringList parts;
    for (const auto& [partition, point] : newest)
        parts << tr("%1: %2").arg(QString::fromStdString(partition),
                                  std::isfinite(point.value)
                                      ? QString::number(qlonglong(point.value))
                                      : QStringLiteral("–"));
    return parts.isEmpty() ? tr("Trainer lag per partition: no metrics yet")
                           : tr("Trainer lag per partition (records behind): %1")
                                 .arg(parts.join(QStringLiteral(" · ")));
}

void MessageTailView::updateLag() {
    lag_->setText(lagText());
}

void MessageTailView::updateCount() {
    count_->setText(tr("%1 of %2 rows (newest %3 kept)")
                        .arg(filter_->rowCount())
                        .arg(model_->rowCount())
                        .arg(model_->capacity()));
}

void MessageTailView::retranslate() {
    fromBeginning_->setText(tr("Restart from beginning"));
    fromEnd_->setText(tr("Restart from end"));
    pause_->setText(tr("Pause"));
    actualLabel_->setText(tr("Actual"));
    predictedLabel_->setText(tr("Predicted"));
    fillLabelChoices(*actual_, tr("any"));
    fillLabelChoices(*predicted_, tr("any"));
    onlyWrong_->setText(tr("Only wrong predictions"));
    reason_->setPlaceholderText(tr("Dead-letter reason contains…"));
    state_->setText(stateText_.isEmpty() && !tail_ ? tr("Not connected") : stateText_);
    updateCount();
    updateLag();
}

void MessageTailView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::streamui
