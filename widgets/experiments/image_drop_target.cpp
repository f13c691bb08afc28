#include "experiments/image_drop_target.hpp"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace liveml::experiments {

namespace {
constexpr int kPreviewSize = 96;

QString droppedImage(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && !QImageReader::imageFormat(url.toLocalFile()).isEmpty())
            return url.toLocalFile();
    return {};
}
} // namespace

ImageDropTarget::ImageDropTarget(QWidget* parent)
    : QWidget(parent), preview_(new QLabel(this)), pickButton_(new QPushButton(this)) {
    setAcceptDrops(true);
    preview_->setObjectName(QStringLiteral("imagePreview"));
    preview_->setAlignment(Qt::AlignCenter);
    preview_->setMinimumSize(kPreviewSize, kPreviewSize);
    preview_->setFrameShape(QFrame::StyledPanel);
    preview_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(preview_);
    layout->addWidget(pickButton_);
    connect(pickButton_, &QPushButton::clicked, this, &ImageDropTarget::pick);
    retranslate();
}

bool ImageDropTarget::setPath(const QString& path) {
    const QImage image(path);
    if (image.isNull()) return false;
    path_ = path;
    preview_->setPixmap(QPixmap::fromImage(
        image.scaled(kPreviewSize, kPreviewSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    preview_->setToolTip(path);
    emit imageChosen(path_);
    return true;
}

void ImageDropTarget::clear() {
    path_.clear();
    preview_->setPixmap({});
    retranslate();
}

void ImageDropTarget::pick() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose an image"), QString(), tr("Images (*.png *.jpg *.jpeg *.bmp *.pgm)"));
    if (!path.isEmpty()) setPath(path);
}

void ImageDropTarget::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedImage(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void ImageDropTarget::dropEvent(QDropEvent* event) {
    if (setPath(droppedImage(event->mimeData()))) event->acceptProposedAction();
}

void ImageDropTarget::retranslate() {
    if (path_.isEmpty()) preview_->setText(tr("Drop an image here"));
    pickButton_->setText(tr("Choose image…"));
}

void ImageDropTarget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::experiments
