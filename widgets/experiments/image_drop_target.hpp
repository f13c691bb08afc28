#pragma once
#include <QWidget>

class QLabel;
class QPushButton;

namespace liveml::experiments {

// An image for a job's input: dropped from a file manager or picked in a dialog, shown as a
// thumbnail. Emits imageChosen (GUI thread) with the file's path.
class ImageDropTarget : public QWidget {
    Q_OBJECT
  public:
    explicit ImageDropTarget(QWidget* parent = nullptr);

    const QString& path() const { return path_; }
    // Shows and selects a file (a drop, the dialog, or the page: e.g. the Draw page's drawing).
    bool setPath(const QString& path);
    void clear();

  signals:
    void imageChosen(const QString& path);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    void pick();
    void retranslate();

    QLabel* preview_;
    QPushButton* pickButton_;
    QString path_;
};

} // namespace liveml::experiments
