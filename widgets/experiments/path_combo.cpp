#include "experiments/path_combo.hpp"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>

namespace liveml::experiments {

namespace {
constexpr int kFolderRole = Qt::UserRole + 1; // marks the "Choose folder…" entry
}

PathCombo::PathCombo(QWidget* parent) : QComboBox(parent) {
    addItem(tr("Choose folder…"));
    setItemData(0, true, kFolderRole);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(16);
    connect(this, &QComboBox::activated, this, &PathCombo::activatedAt);
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && !itemData(index, kFolderRole).toBool()) previous_ = index;
    });
}

void PathCombo::setChoices(const QList<Choice>& choices) {
    const QString selected = value();
    QSignalBlocker block(this);
    while (count() > 1)
        removeItem(0);
    int at = 0;
    for (const auto& list : {choices, picked_})
        for (const Choice& choice : list) {
            insertItem(at, choice.first, choice.second);
            setItemData(at, choice.second, Qt::ToolTipRole);
            ++at;
        }
    block.unblock();
    if (!selectValue(selected)) setCurrentIndex(count() > 1 ? 0 : -1);
}

void PathCombo::selectFolder(const QString& path) {
    if (selectValue(path)) return;
    const Choice choice{QFileInfo(path).fileName(), path};
    picked_.append(choice);
    insertItem(folderEntry(), choice.first, choice.second);
    setItemData(folderEntry() - 1, path, Qt::ToolTipRole);
    setCurrentIndex(folderEntry() - 1);
}

bool PathCombo::selectValue(const QString& value) {
    if (value.isEmpty()) return false;
    for (int i = 0; i < folderEntry(); ++i)
        if (itemData(i).toString() == value) {
            setCurrentIndex(i);
            return true;
        }
    return false;
}

QString PathCombo::value() const {
    const int index = currentIndex();
    if (index < 0 || itemData(index, kFolderRole).toBool()) return {};
    return itemData(index).toString();
}

void PathCombo::activatedAt(int index) {
    if (!itemData(index, kFolderRole).toBool()) return;
    const QString path = QFileDialog::getExistingDirectory(this, tr("Choose a folder"));
    if (!path.isEmpty())
        selectFolder(QDir::cleanPath(path));
    else
        setCurrentIndex(previous_ >= 0 && previous_ < folderEntry() ? previous_ : -1);
}

void PathCombo::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) setItemText(folderEntry(), tr("Choose folder…"));
    QComboBox::changeEvent(event);
}

} // namespace liveml::experiments
