#pragma once
#include <QObject>

namespace liveml::streamui {
Q_NAMESPACE

// The parts of a live pipeline the Stream page shows a light for.
enum class Component { Broker, Redis, Trainer, Producer };
Q_ENUM_NS(Component)

// One light's colour: grey, amber, green, amber (retrying), red.
enum class LinkState { Off, Starting, Up, Lost, Failed };
Q_ENUM_NS(LinkState)

} // namespace liveml::streamui
