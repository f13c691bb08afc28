#include "model_info_panel.hpp"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>

#include <algorithm>

#include "online/mlp_classifier.hpp"
#include "online/sgd_classifier.hpp"
#include "online/softmax_regression.hpp"

namespace liveml::widgets {

namespace {
constexpr int kRows = 5;

// Counted from the checkpoint, or from loading when its time is unknown; never negative
// (the trainer's clock may run ahead of ours).
qint64 ageMs(const LoadedModel& model, const QDateTime& now) {
    const QDateTime& since = model.checkpointedAt.isValid() ? model.checkpointedAt : model.loadedAt;
    return std::max<qint64>(0, since.msecsTo(now));
}

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}
} // namespace

ModelInfoPanel::ModelInfoPanel(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setHorizontalSpacing(12);
    for (int row = 0; row < kRows; ++row) {
        auto* caption = new QLabel(this);
        caption->setForegroundRole(QPalette::PlaceholderText);
        auto* value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(caption, value);
        captions_.append(caption);
        values_.append(value);
    }
    ageTimer_.setSingleShot(true);
    ageTimer_.setTimerType(Qt::PreciseTimer);
    connect(&ageTimer_, &QTimer::timeout, this, &ModelInfoPanel::render);
    render();
}

void ModelInfoPanel::setModel(const LoadedModel& model) {
    model_ = std::make_shared<const LoadedModel>(model);
    state_ = State::Ready;
    render();
}

void ModelInfoPanel::showLoading() {
    state_ = State::Loading;
    render();
}

void ModelInfoPanel::showFailure(const QString& reason) {
    state_ = State::Failed;
    failure_ = reason;
    render();
}

QString ModelInfoPanel::sourceText(const LoadedModel& model) {
    switch (model.origin) {
    case ModelOrigin::TrainedDefault:
        return model.builtIn == BuiltInModel::CanvasPreset ? tr("Canvas preset, trained at start")
                                                           : tr("Bundled digits, trained at start");
    case ModelOrigin::CachedDefault:
        return model.builtIn == BuiltInModel::CanvasPreset ? tr("Canvas preset (cached)")
                                                           : tr("Bundled digits (cached)");
    case ModelOrigin::File:
        return tr("File %1").arg(QFileInfo(model.path).fileName());
    case ModelOrigin::Stream:
        return tr("Stream (Redis key %1), version %2")
            .arg(model.streamKey, QLocale().toString(model.streamVersion));
    }
    return {};
}

QString ModelInfoPanel::learnerText(const online::OnlineClassifier& model) {
    if (const auto* sgd = dynamic_cast<const online::SgdClassifier*>(&model)) {
        const auto& p = sgd->params();
        return tr("SGD, %1 loss, %2 penalty, α = %3")
            .arg(fromView(online::to_string(p.loss)), fromView(online::to_string(p.penalty)),
                 QLocale().toString(p.alpha, 'g', 6));
    }
    if (const auto* mlp = dynamic_cast<const online::MlpClassifier*>(&model))
        return tr("MLP, %1 ReLU units, learning rate %2")
            .arg(QLocale().toString(qulonglong(mlp->params().hidden)),
                 QLocale().toString(mlp->params().learning_rate, 'g', 6));
    if (const auto* softmax = dynamic_cast<const online::SoftmaxRegression*>(&model))
        return tr("Softmax regression (AdaGrad), learning rate %1")
            .arg(QLocale().toString(softmax->params().learning_rate, 'g', 6));
    return fromView(model.kind());
}

QString ModelInfoPanel::streamAgeText(const LoadedModel& model, const QDateTime& now) {
    if (model.origin != ModelOrigin::Stream) return {};
    return tr("version %1, %2 s old")
        .arg(QLocale().toString(model.streamVersion))
        .arg(ageMs(model, now) / 1000);
}

int ModelInfoPanel::msUntilAgeChanges(const LoadedModel& model, const QDateTime& now) {
    return int(1000 - ageMs(model, now) % 1000);
}

QString ModelInfoPanel::fieldText(int row) const {
    return values_.value(row)->text();
}

void ModelInfoPanel::render() {
    const bool fromStream =
        state_ == State::Ready && model_ && model_->origin == ModelOrigin::Stream;
    const QDateTime now = QDateTime::currentDateTime();
    const QStringList captions{tr("Source"), tr("Samples seen"), tr("Learner"), tr("Classes"),
                               fromStream ? tr("Checkpoint") : tr("Loaded")};
    for (int row = 0; row < kRows; ++row)
        captions_[row]->setText(captions[row]);

    QStringList values(kRows);
    if (state_ == State::Ready && model_) {
        const online::OnlineClassifier& clf = *model_->classifier;
        values[0] = sourceText(*model_);
        values[1] = QLocale().toString(qulonglong(clf.samples_seen()));
        values[2] = learnerText(clf);
        QStringList classes;
        for (int c : clf.classes())
            classes << QString::number(c);
        values[3] = classes.join(QStringLiteral(" "));
        values[4] = fromStream ? streamAgeText(*model_, now)
                               : QLocale().toString(model_->loadedAt.time(), QLocale::ShortFormat);
        values_[0]->setToolTip(QDir::toNativeSeparators(model_->path));
    } else if (state_ == State::Loading) {
        values[0] = tr("Preparing the default model…");
    } else {
        values[0] = tr("No model: %1").arg(failure_);
    }
    for (int row = 0; row < kRows; ++row)
        values_[row]->setText(values[row]);
    if (fromStream)
        ageTimer_.start(msUntilAgeChanges(*model_, now));
    else
        ageTimer_.stop();
}

void ModelInfoPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) render();
    QWidget::changeEvent(event);
}

} // namespace liveml::widgets
