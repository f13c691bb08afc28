#pragma once
#include <QWidget>

#include <memory>
#include <string>

#include "stream/kafka_config.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace liveml::series {
class SeriesStore;
}

namespace liveml::streamui {

class MessageTail;
class TailFilter;
class TailModel;

// The Stream page's message tail: the newest records of the sink topic and its dead letters
// (partition, offset, time, actual/predicted, the digit as an 8×8 image, a dead letter's
// reason and original bytes), restartable from the beginning or the end, pausable and
// filterable; plus the trainer's current consumer lag per partition, from the dashboard.
class MessageTailView : public QWidget {
    Q_OBJECT
  public:
    explicit MessageTailView(series::SeriesStore& metrics, QWidget* parent = nullptr);
    ~MessageTailView() override;

    // Starts tailing (from the end) a pipeline's sink and dead-letter topics.
    void connectTo(const stream::KafkaProperties& kafka, const std::string& sinkTopic,
                   const std::string& deadLetterTopic);
    void disconnectStream();

    void restartFromBeginning();
    void restartFromEnd();
    void setPaused(bool paused);

    TailModel* model() const { return model_; }
    TailFilter* filter() const { return filter_; }
    QTableView* table() const { return table_; }
    QString lagText() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QWidget* buildToolbar();
    void updateLag();
    void updateCount();
    void retranslate();

    series::SeriesStore& metrics_;
    TailModel* model_;
    TailFilter* filter_;
    QTableView* table_;
    std::unique_ptr<MessageTail> tail_;
    QPushButton* fromBeginning_ = nullptr;
    QPushButton* fromEnd_ = nullptr;
    QPushButton* pause_ = nullptr;
    QLabel* actualLabel_ = nullptr;
    QComboBox* actual_ = nullptr;
    QLabel* predictedLabel_ = nullptr;
    QComboBox* predicted_ = nullptr;
    QCheckBox* onlyWrong_ = nullptr;
    QLineEdit* reason_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* state_ = nullptr;
    QLabel* lag_ = nullptr;
    QString stateText_;
};

} // namespace liveml::streamui
