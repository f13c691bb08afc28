#pragma once
#include <QComboBox>
#include <QList>
#include <QPair>

namespace liveml::experiments {

// A choice of datasets, models or indexes: named entries (text → value: a dataset name or a
// folder path) and a last "Choose folder…" entry that opens a folder dialog and adds the
// folder picked. Folders the user picked survive setChoices.
class PathCombo : public QComboBox {
    Q_OBJECT
  public:
    using Choice = QPair<QString, QString>; // shown text, value
    explicit PathCombo(QWidget* parent = nullptr);

    // Replaces the named entries, keeping the selection when its value is still offered
    // (else the first entry).
    void setChoices(const QList<Choice>& choices);
    // Adds (or selects) a folder as the user's pick would.
    void selectFolder(const QString& path);
    bool selectValue(const QString& value);
    QString value() const; // empty when nothing is offered

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void activatedAt(int index);
    int folderEntry() const { return count() - 1; }

    QList<Choice> picked_;
    int previous_ = -1;
};

} // namespace liveml::experiments
