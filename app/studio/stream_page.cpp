#include "stream_page.hpp"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cstdint>
#include <stdexcept>

#include "dashboard/dashboard_view.hpp"
#include "model_info_panel.hpp"
#include "model_shelf.hpp"
#include "prediction.hpp"
#include "prediction_service.hpp"
#include "stream/topics.hpp"
#include "streamui/feedback_bar.hpp"
#include "streamui/feedback_producer.hpp"
#include "streamui/liveml_binary.hpp"
#include "streamui/local_stack.hpp"
#include "streamui/message_tail_view.hpp"
#include "streamui/model_reloader.hpp"
#include "streamui/secret_store.hpp"
#include "streamui/status_light.hpp"
#include "streamui/stream_monitor.hpp"
#include "streamui/stream_settings.hpp"

namespace liveml::studio {

using streamui::Component;
using streamui::LinkState;

namespace {
constexpr int kControlsWidth = 340;
constexpr int kMaxRate = 5000;
constexpr int kRateDebounceMs = 400; // a dragged slider restarts the producer once
} // namespace

StreamPage::StreamPage(widgets::PredictionService& service, widgets::ModelShelf& shelf,
                       QWidget* parent)
    : QWidget(parent), service_(service), shelf_(shelf),
      dashboard_(new dashboard::DashboardView(this)), feedback_(new streamui::FeedbackBar(this)),
      tabs_(new QTabWidget(this)), tail_(new streamui::MessageTailView(dashboard_->store(), this)),
      local_(std::make_unique<streamui::LocalStack>(streamui::findLivemlBinary())) {
    auto* splitter = new QSplitter(this);
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidget(buildControls());
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(kControlsWidth);
    splitter->addWidget(scroll);
    tabs_->addTab(dashboard_, QString());
    tabs_->addTab(tail_, QString());
    tabs_->setDocumentMode(true);
    splitter->addWidget(tabs_);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(local_.get(), &streamui::LocalStack::linkChanged, this, &StreamPage::setLight);
    connect(local_.get(), &streamui::LocalStack::ready, this, [this] {
        streamui::ClusterConnection connection;
        connection.kafka = {{"bootstrap.servers", local_->bootstrap().toStdString()}};
        connection.redis = local_->redisUrl();
        connectTo(connection);
    });
    connect(&service_, &widgets::PredictionService::predictionReady, feedback_,
            &streamui::FeedbackBar::showPrediction);
    connect(feedback_, &streamui::FeedbackBar::feedbackGiven, this, &StreamPage::sendFeedback);
    // The label follows the model the canvas really uses (the service's), not the reloader's
    // announcements: a model from a file or the default model may have replaced it since.
    connect(&service_, &widgets::PredictionService::modelChanged, this,
            &StreamPage::updateModelAge);
    ageTimer_.setSingleShot(true);
    ageTimer_.setTimerType(Qt::PreciseTimer);
    connect(&ageTimer_, &QTimer::timeout, this, &StreamPage::updateModelAge);
    rateDebounce_.setSingleShot(true);
    rateDebounce_.setInterval(kRateDebounceMs);
    connect(&rateDebounce_, &QTimer::timeout, this, [this] {
        local_->setRate(rate_->value());
        saveSettings();
    });
    restoreSecrets();
    retranslate();
}

StreamPage::~StreamPage() {
    // The feedback bar lives on the Draw page, which may already be gone: touch no widgets.
    local_->disconnect(this);
    releaseStream();
    local_->stop();
}

QWidget* StreamPage::buildControls() {
    const streamui::StreamSettings settings = streamui::StreamSettings::load();
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);

    localBox_ = new QGroupBox(panel);
    auto* local = new QVBoxLayout(localBox_);
    localButton_ = new QPushButton(localBox_);
    localButton_->setObjectName(QStringLiteral("localModeButton"));
    rateLabel_ = new QLabel(localBox_);
    rate_ = new QSlider(Qt::Horizontal, localBox_);
    rate_->setRange(1, kMaxRate);
    rate_->setValue(std::clamp(settings.rate, 1, kMaxRate));
    pause_ = new QCheckBox(localBox_);
    pause_->setChecked(settings.producerPaused);
    local_->setRate(rate_->value());
    local_->setProducerPaused(settings.producerPaused);
    reset_ = new QPushButton(localBox_);
    reset_->setEnabled(false);
    for (QWidget* w : {static_cast<QWidget*>(localButton_), static_cast<QWidget*>(rateLabel_),
                       static_cast<QWidget*>(rate_), static_cast<QWidget*>(pause_),
                       static_cast<QWidget*>(reset_)})
        local->addWidget(w);
    connect(localButton_, &QPushButton::clicked, this, &StreamPage::toggleLocalMode);
    connect(rate_, &QSlider::valueChanged, this, [this] {
        updateRateLabel();
        rateDebounce_.start();
    });
    connect(pause_, &QCheckBox::toggled, this, [this](bool paused) {
        local_->setProducerPaused(paused);
        saveSettings();
    });
    connect(reset_, &QPushButton::clicked, this, &StreamPage::confirmReset);
    layout->addWidget(localBox_);

    clusterBox_ = new QGroupBox(panel);
    auto* form = new QFormLayout(clusterBox_);
    bootstrap_ = new QLineEdit(settings.bootstrap, clusterBox_);
    bootstrap_->setObjectName(QStringLiteral("bootstrapEdit"));
    bootstrap_->setPlaceholderText(QStringLiteral("kafka-1:9093,kafka-2:9093"));
    properties_ = new QPlainTextEdit(settings.kafkaProperties.join('\n'), clusterBox_);
    properties_->setPlaceholderText(
        QStringLiteral("security.protocol=SASL_SSL\nsasl.mechanisms=SCRAM-SHA-512"));
    properties_->setMaximumHeight(90);
    properties_->setObjectName(QStringLiteral("kafkaPropertiesEdit"));
    redisUrl_ = new QLineEdit(settings.redisUrl, clusterBox_);
    redisUrl_->setObjectName(QStringLiteral("redisUrlEdit"));
    redisUrl_->setPlaceholderText(QStringLiteral("redis://host:6379/0"));
    password_ = new QLineEdit(clusterBox_);
    password_->setEchoMode(QLineEdit::Password);
    password_->setObjectName(QStringLiteral("redisPasswordEdit"));
    passwordNote_ = new QLabel(clusterBox_);
    passwordNote_->setWordWrap(true);
    passwordNote_->setObjectName(QStringLiteral("secretsNote"));
    connect_ = new QPushButton(clusterBox_);
    connect_->setObjectName(QStringLiteral("connectButton"));
    connectError_ = new QLabel(clusterBox_);
    connectError_->setObjectName(QStringLiteral("connectError"));
    connectError_->setWordWrap(true);
    connectError_->setStyleSheet(QStringLiteral("color:#d1242f"));
    bootstrapLabel_ = new QLabel(clusterBox_);
    propertiesLabel_ = new QLabel(clusterBox_);
    redisLabel_ = new QLabel(clusterBox_);
    passwordLabel_ = new QLabel(clusterBox_);
    form->addRow(bootstrapLabel_, bootstrap_);
    form->addRow(propertiesLabel_, properties_);
    form->addRow(redisLabel_, redisUrl_);
    form->addRow(passwordLabel_, password_);
    form->addRow(passwordNote_);
    form->addRow(connect_);
    form->addRow(connectError_);
    connect(connect_, &QPushButton::clicked, this, &StreamPage::connectCluster);
    layout->addWidget(clusterBox_);

    for (Component c :
         {Component::Broker, Component::Redis, Component::Trainer, Component::Producer}) {
        lights_[c] = new streamui::StatusLight(panel);
        layout->addWidget(lights_[c]);
    }
    modelLabel_ = new QLabel(panel);
    modelLabel_->setObjectName(QStringLiteral("modelVersionLabel"));
    layout->addWidget(modelLabel_);
    layout->addStretch();
    return panel;
}

streamui::StatusLight* StreamPage::light(Component component) const {
    return lights_.at(component);
}

void StreamPage::showTab(int index) {
    tabs_->setCurrentIndex(index);
}

void StreamPage::setLight(Component component, LinkState state, const QString& text) {
    lights_.at(component)->setState(state, text);
}

void StreamPage::startLocalMode() {
    if (local_->isActive()) return;
    if (connected_) disconnectStream();
    pause_->setChecked(false);
    local_->start();
    localButton_->setText(tr("Stop local mode"));
    reset_->setEnabled(local_->isActive());
    clusterBox_->setEnabled(!local_->isActive());
}

void StreamPage::setProducerPaused(bool paused) {
    pause_->setChecked(paused);
}

void StreamPage::toggleLocalMode() {
    if (!local_->isActive()) {
        startLocalMode();
        return;
    }
    disconnectStream();
    local_->stop();
    retranslate();
    reset_->setEnabled(false);
    clusterBox_->setEnabled(true);
}

void StreamPage::stopAll() {
    disconnectStream();
    local_->stop();
}

void StreamPage::connectCluster() {
    if (connected_) {
        disconnectStream();
        retranslate();
        return;
    }
    connectError_->clear();
    try {
        const QStringList properties = streamui::unmaskedProperties(
            properties_->toPlainText().split('\n', Qt::SkipEmptyParts), keychainSecrets_);
        const streamui::ClusterConnection connection = streamui::parseConnection(
            bootstrap_->text(), properties, redisUrl_->text(), password_->text());
        saveSettings();
        saveSecrets(properties);
        connectTo(connection);
        if (!connected_) return; // a refused setting: the broker's light says why
        connect_->setText(tr("Disconnect"));
        localBox_->setEnabled(false);
    } catch (const std::exception& error) {
        connectError_->setText(QString::fromUtf8(error.what()));
    }
}

void StreamPage::connectTo(const streamui::ClusterConnection& connection) {
    disconnectStream();
    try {
        producer_ = std::make_unique<streamui::FeedbackProducer>(connection.kafka,
                                                                 std::string(stream::kSourceTopic));
    } catch (const std::exception& error) {
        setLight(Component::Broker, LinkState::Failed, QString::fromUtf8(error.what()));
        return;
    }
    streamui::MonitorSettings settings;
    settings.kafka = connection.kafka;
    settings.redis = connection.redis;
    monitor_ = std::make_unique<streamui::StreamMonitor>(dashboard_->feed(), settings);
    connect(monitor_.get(), &streamui::StreamMonitor::linkChanged, this, &StreamPage::setLight);
    monitor_->start();
    tail_->connectTo(connection.kafka, std::string(stream::kSinkTopic),
                     stream::dead_letter_topic(stream::kSourceTopic));
    if (connection.redis) {
        // Every learner the local trainer runs; a cluster's trainer may run only the SGD one,
        // whose key then stays the only one with checkpoints.
        for (const QString& key : streamui::LocalStack::modelKeys()) {
            auto reloader =
                std::make_unique<streamui::ModelReloader>(*connection.redis, key.toStdString());
            connect(reloader.get(), &streamui::ModelReloader::modelLoaded, &shelf_,
                    [this](const widgets::LoadedModel& model) { shelf_.put(model); });
            connect(reloader.get(), &streamui::ModelReloader::linkChanged, this,
                    &StreamPage::setLight);
            reloader->start();
            reloaders_.push_back(std::move(reloader));
        }
    }
    connect(producer_.get(), &streamui::FeedbackProducer::deliveryCountsChanged, this,
            [this](quint64 delivered, quint64 failed) {
                feedback_->showOutcome(
                    tr("Sent to the stream: %1 · failed: %2").arg(delivered).arg(failed));
            });
    connected_ = true;
}

void StreamPage::releaseStream() {
    // The threads that call into the dashboard first.
    monitor_.reset();
    tail_->disconnectStream();
    reloaders_.clear();
    producer_.reset();
    connected_ = false;
}

void StreamPage::disconnectStream() {
    releaseStream();
}

void StreamPage::sendFeedback(const std::array<std::uint8_t, 64>& features, int label, int copies) {
    const int learned = shelf_.learnCorrection(features, label, copies);
    if (!producer_) {
        feedback_->showOutcome(tr("Learned as a %1 by %n local model(s); start local mode or "
                                  "connect to a stream to teach its trainer too.",
                                  nullptr, learned)
                                   .arg(label));
        return;
    }
    if (producer_->send(features, label, copies))
        feedback_->showOutcome(tr("Learned as a %1 by %n local model(s) and sent to the "
                                  "stream; the trainer learns it within seconds.",
                                  nullptr, learned)
                                   .arg(label));
    else
        feedback_->showOutcome(producer_->lastError());
}

QString StreamPage::modelStatusText() const {
    return modelLabel_->text();
}

void StreamPage::updateModelAge() {
    const auto model = service_.model();
    if (!model || model->origin != widgets::ModelOrigin::Stream) {
        ageTimer_.stop();
        modelLabel_->setText(tr("Canvas model: not from the stream yet"));
        return;
    }
    // Worded and timed as the Draw page's model panel: both show the same version and age.
    const QDateTime now = QDateTime::currentDateTime();
    modelLabel_->setText(
        tr("Canvas model: %1").arg(widgets::ModelInfoPanel::streamAgeText(*model, now)));
    ageTimer_.start(widgets::ModelInfoPanel::msUntilAgeChanges(*model, now));
}

void StreamPage::confirmReset() {
    const auto answer = QMessageBox::question(
        this, tr("Reset the model?"),
        tr("This stops the trainer, deletes the model, its offsets and the metrics history "
           "from Redis, and starts training again from scratch."),
        QMessageBox::Reset | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Reset) local_->resetModel();
}

void StreamPage::updateRateLabel() {
    rateLabel_->setText(tr("Producer rate: %1 records/s").arg(rate_->value()));
}

void StreamPage::saveSettings() {
    streamui::StreamSettings settings;
    settings.bootstrap = bootstrap_->text().trimmed();
    settings.kafkaProperties = properties_->toPlainText().split('\n', Qt::SkipEmptyParts);
    settings.redisUrl = redisUrl_->text();
    settings.rate = rate_->value();
    settings.producerPaused = pause_->isChecked();
    settings.save();
}

void StreamPage::restoreSecrets() {
    secrets_ = new streamui::SecretStore(QCoreApplication::applicationName(), this);
    connect(secrets_, &streamui::SecretStore::availabilityChanged, this,
            &StreamPage::updateSecretsNote);
    connect(secrets_, &streamui::SecretStore::secretRead, this,
            [this](const QString& entry, const QString& secret) {
                if (secret.isEmpty()) return;
                // What the user typed meanwhile wins over what the keychain held.
                if (entry == QLatin1String(streamui::kRedisPasswordEntry)) {
                    if (password_->text().isEmpty()) password_->setText(secret);
                } else if (entry == QLatin1String(streamui::kKafkaSecretsEntry)) {
                    // Shown masked: Connect puts the kept values back in.
                    keychainSecrets_ = secret.split('\n', Qt::SkipEmptyParts);
                    properties_->setPlainText(
                        streamui::withSecretProperties(
                            properties_->toPlainText().split('\n', Qt::SkipEmptyParts),
                            streamui::maskedProperties(keychainSecrets_))
                            .join('\n'));
                }
            });
    // With no cluster saved there is nothing to restore: the keychain is not even asked.
    if (!streamui::StreamSettings::load().hasCluster()) return;
    secrets_->read(QString::fromLatin1(streamui::kRedisPasswordEntry));
    secrets_->read(QString::fromLatin1(streamui::kKafkaSecretsEntry));
}

void StreamPage::saveSecrets(const QStringList& properties) {
    QString password = password_->text();
    if (password.isEmpty()) streamui::withoutPassword(redisUrl_->text(), &password);
    keychainSecrets_ = streamui::splitSecretProperties(properties).secret;
    // An empty value removes the entry, so a secret the user deleted is not kept either.
    secrets_->write(QString::fromLatin1(streamui::kRedisPasswordEntry), password);
    secrets_->write(QString::fromLatin1(streamui::kKafkaSecretsEntry), keychainSecrets_.join('\n'));
}

void StreamPage::updateSecretsNote() {
    switch (secrets_->availability()) {
    case streamui::SecretStore::Availability::Unknown:
        passwordNote_->setText(tr("On connect, the password and secret Kafka properties "
                                  "(sasl.password, ssl.key.password, …) are saved in the "
                                  "system keychain, never in plain text."));
        break;
    case streamui::SecretStore::Availability::Available:
        passwordNote_->setText(tr("The password and secret Kafka properties are kept in the "
                                  "system keychain, never in plain text."));
        break;
    case streamui::SecretStore::Availability::Unavailable:
        passwordNote_->setText(tr("Not saved: no system keychain is reachable (%1). The "
                                  "password and secret Kafka properties are used for this "
                                  "session only and never stored in plain text.")
                                   .arg(secrets_->problem()));
        break;
    }
}

void StreamPage::retranslate() {
    tabs_->setTabText(0, tr("Dashboard"));
    tabs_->setTabText(1, tr("Messages"));
    localBox_->setTitle(tr("Local mode"));
    localButton_->setText(local_->isActive() ? tr("Stop local mode") : tr("Start local mode"));
    localButton_->setToolTip(tr("Runs a Kafka broker, Redis, the trainer and a producer on "
                                "this computer"));
    pause_->setText(tr("Pause producer"));
    reset_->setText(tr("Reset model…"));
    updateRateLabel();
    clusterBox_->setTitle(tr("Connect to a cluster"));
    bootstrapLabel_->setText(tr("Bootstrap servers"));
    propertiesLabel_->setText(tr("Kafka properties\n(key=value)"));
    redisLabel_->setText(tr("Redis URL"));
    passwordLabel_->setText(tr("Redis password"));
    updateSecretsNote();
    connect_->setText(connected_ && !local_->isActive() ? tr("Disconnect") : tr("Connect"));
    lights_.at(Component::Broker)->setTitle(tr("Broker"));
    lights_.at(Component::Redis)->setTitle(tr("Redis"));
    lights_.at(Component::Trainer)->setTitle(tr("Trainer"));
    lights_.at(Component::Producer)->setTitle(tr("Producer"));
    updateModelAge();
}

void StreamPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::studio
