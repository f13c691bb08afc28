#pragma once
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "streamui/link_state.hpp"

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QTabWidget;

namespace liveml::dashboard {
class DashboardView;
}
namespace liveml::widgets {
class ModelShelf;
class PredictionService;
struct LoadedModel;
} // namespace liveml::widgets
namespace liveml::streamui {
class FeedbackBar;
class FeedbackProducer;
class LocalStack;
class MessageTailView;
class ModelReloader;
class SecretStore;
class StatusLight;
class StreamMonitor;
struct ClusterConnection;
} // namespace liveml::streamui

namespace liveml::studio {

// The "Stream" page: connect to a pipeline (or run one locally), see each part's state, watch
// the live dashboard, reset the model. While connected the trainer's learners reach the Draw
// page's shelf at each checkpoint and the feedback bar sends corrections to the training topic
// (the shelf's local learners learn them at once).
class StreamPage : public QWidget {
    Q_OBJECT
  public:
    StreamPage(widgets::PredictionService& service, widgets::ModelShelf& shelf,
               QWidget* parent = nullptr);
    ~StreamPage() override;

    // Starts local mode with the producer running (liveml-studio --demo).
    void startLocalMode();
    // Ticks "Pause producer": local mode's producer stops (or starts again).
    void setProducerPaused(bool paused);
    void stopAll();

    dashboard::DashboardView* dashboard() const { return dashboard_; }
    streamui::FeedbackBar* feedbackBar() const { return feedback_; }
    streamui::MessageTailView* messageTail() const { return tail_; }
    // Shows the dashboard (0) or the message tail (1).
    void showTab(int index);
    streamui::LocalStack* localStack() const { return local_.get(); }
    streamui::StreamMonitor* monitor() const { return monitor_.get(); }
    streamui::StatusLight* light(streamui::Component component) const;
    // "Canvas model: …" as shown: the model the canvas answers with, worded as its panel does.
    QString modelStatusText() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QWidget* buildControls();
    void connectTo(const streamui::ClusterConnection& connection);
    void disconnectStream();
    void releaseStream();
    void connectCluster();
    void toggleLocalMode();
    void confirmReset();
    void sendFeedback(const std::array<std::uint8_t, 64>& features, int label, int copies);
    void setLight(streamui::Component component, streamui::LinkState state, const QString& text);
    void updateModelAge();
    void updateRateLabel();
    void saveSettings();
    // The Redis password and secret Kafka properties live in the system keychain only.
    void restoreSecrets();
    // properties: the Kafka lines as connected with, secret values unmasked.
    void saveSecrets(const QStringList& properties);
    void updateSecretsNote();
    void retranslate();

    widgets::PredictionService& service_;
    widgets::ModelShelf& shelf_;
    dashboard::DashboardView* dashboard_;
    streamui::FeedbackBar* feedback_;
    QTabWidget* tabs_;
    streamui::MessageTailView* tail_;
    std::unique_ptr<streamui::LocalStack> local_;
    std::unique_ptr<streamui::StreamMonitor> monitor_;
    std::vector<std::unique_ptr<streamui::ModelReloader>> reloaders_; // one per learner's key
    std::unique_ptr<streamui::FeedbackProducer> producer_;
    std::map<streamui::Component, streamui::StatusLight*> lights_;
    QGroupBox* localBox_ = nullptr;
    QGroupBox* clusterBox_ = nullptr;
    QPushButton* localButton_ = nullptr;
    QLabel* rateLabel_ = nullptr;
    QSlider* rate_ = nullptr;
    QCheckBox* pause_ = nullptr;
    QPushButton* reset_ = nullptr;
    QLabel* bootstrapLabel_ = nullptr;
    QLineEdit* bootstrap_ = nullptr;
    QLabel* propertiesLabel_ = nullptr;
    QPlainTextEdit* properties_ = nullptr;
    QLabel* redisLabel_ = nullptr;
    QLineEdit* redisUrl_ = nullptr;
    QLabel* passwordLabel_ = nullptr;
    QLineEdit* password_ = nullptr;
    QLabel* passwordNote_ = nullptr;
    streamui::SecretStore* secrets_ = nullptr;
    QStringList keychainSecrets_; // secret Kafka "key=value" lines, shown masked in properties_
    QPushButton* connect_ = nullptr;
    QLabel* connectError_ = nullptr;
    QLabel* modelLabel_ = nullptr;
    QTimer ageTimer_;
    QTimer rateDebounce_;
    bool connected_ = false;
};

} // namespace liveml::studio
