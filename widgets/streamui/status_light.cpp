#include "streamui/status_light.hpp"

#include <QHBoxLayout>
#include <QLabel>

namespace liveml::streamui {

namespace {
constexpr int kDot = 12;

QColor colourOf(LinkState state) {
    switch (state) {
    case LinkState::Up:
        return QColor(0x2e, 0xa0, 0x43);
    case LinkState::Starting:
    case LinkState::Lost:
        return QColor(0xd9, 0x8e, 0x04);
    case LinkState::Failed:
        return QColor(0xd1, 0x24, 0x2f);
    case LinkState::Off:
        break;
    }
    return QColor(0x8c, 0x95, 0x9f);
}
} // namespace

StatusLight::StatusLight(QWidget* parent)
    : QWidget(parent), dot_(new QLabel(this)), title_(new QLabel(this)), text_(new QLabel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    dot_->setFixedSize(kDot, kDot);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(dot_, 0, Qt::AlignTop | Qt::AlignHCenter);
    layout->addWidget(title_, 0, Qt::AlignTop);
    layout->addWidget(text_, 1);
    setState(LinkState::Off, {});
}

void StatusLight::setTitle(const QString& title) {
    title_->setText(title);
}

void StatusLight::setState(LinkState state, const QString& message) {
    state_ = state;
    message_ = message;
    dot_->setStyleSheet(QStringLiteral("border-radius:%1px;background:%2;")
                            .arg(kDot / 2)
                            .arg(colourOf(state).name()));
    text_->setText(message);
    setToolTip(message);
}

} // namespace liveml::streamui
