#pragma once
#include <QWidget>

#include "streamui/link_state.hpp"

class QLabel;

namespace liveml::streamui {

// One component's light: a coloured dot, its name, and the last message in words (the full
// text in the tooltip when it is elided).
class StatusLight : public QWidget {
    Q_OBJECT
  public:
    explicit StatusLight(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setState(LinkState state, const QString& message);
    LinkState state() const { return state_; }
    QString message() const { return message_; }

  private:
    QLabel* dot_;
    QLabel* title_;
    QLabel* text_;
    LinkState state_ = LinkState::Off;
    QString message_;
};

} // namespace liveml::streamui
