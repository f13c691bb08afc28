#include "experiments/job_form.hpp"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "experiments/image_drop_target.hpp"
#include "experiments/job_runner.hpp"
#include "experiments/job_texts.hpp"
#include "experiments/path_combo.hpp"

namespace liveml::experiments {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;

QSpinBox* spin(int low, int high, int value, const char* name) {
    auto* box = new QSpinBox;
    box->setRange(low, high);
    box->setValue(value);
    box->setObjectName(QLatin1String(name));
    return box;
}

template <typename W> W* named(W* widget, const char* name) {
    widget->setObjectName(QLatin1String(name));
    return widget;
}

QString classNamesOf(const std::string& dataset) {
    return datasetClassNames(dataset).join(QStringLiteral(", "));
}

bool isBuiltin(const QString& dataset) {
    return dataset == QLatin1String("fashion-mnist") || dataset == QLatin1String("digits");
}

} // namespace

struct JobForm::Fields {
    // Train
    PathCombo* trainData;
    QSpinBox* trainEpochs;
    QSpinBox* trainBatch;
    QDoubleSpinBox* trainLr;
    QSpinBox* trainSeed;
    QSpinBox* trainMaxItems;
    QSpinBox* trainProcesses;
    QSpinBox* threads;
    // Index
    PathCombo* indexModel;
    PathCombo* indexData;
    QComboBox* indexSplit;
    QSpinBox* indexMaxItems;
    // Search
    PathCombo* searchIndex;
    QLineEdit* searchText;
    ImageDropTarget* searchImage;
    QSpinBox* searchTopK;
    // Zero-shot
    PathCombo* zsModel;
    QRadioButton* zsOnImages;
    QRadioButton* zsOnDataset;
    ImageDropTarget* zsImage;
    QPushButton* zsDrawing;
    QLineEdit* zsClasses;
    QPlainTextEdit* zsTemplates;
    QComboBox* zsDataset;
    QSpinBox* zsMaxItems;
    // Evaluate
    PathCombo* evalModel;
    QComboBox* evalDataset;
    QComboBox* evalSplit;
    QSpinBox* evalMaxItems;
    // Distill, fine-tune, compare (jobs of issues 12 and 15)
    PathCombo* distillTeacher;
    PathCombo* distillData;
    QSpinBox* distillEpochs;
    PathCombo* tuneBase;
    PathCombo* tuneData;
    QSpinBox* tuneShots;
    QSpinBox* tuneEpochs;
    QCheckBox* tuneFull;
    QSpinBox* tuneRank;
    QDoubleSpinBox* tuneAlpha;
    QDoubleSpinBox* tuneDropout;
    std::vector<QCheckBox*> tuneTargets; // q k v o fc1 fc2 head proj, as the CLI names them
    QCheckBox* tuneImageTower;
    QCheckBox* tuneTextTower;
    QDoubleSpinBox* tuneLr;
    QListWidget* compareModels;
    QComboBox* compareDataset;
    QSpinBox* compareMaxItems;
    // Ingest: a watched folder, or bucket events on Kafka with the objects in S3
    PathCombo* ingestModel;
    QRadioButton* ingestFromFolder;
    QRadioButton* ingestFromBucket;
    PathCombo* ingestFolder;
    QLineEdit* ingestBrokers;
    QLineEdit* ingestTopic;
    QLineEdit* ingestEndpoint;
    QLineEdit* ingestAccessKeyEnv;
    QLineEdit* ingestSecretKeyEnv;
    QLineEdit* ingestOutBucket;
    QSpinBox* ingestThumbSize;
    QDoubleSpinBox* ingestMaxObjectMb;
    std::vector<PathCombo*> datasetCombos;
    std::vector<QComboBox*> builtinCombos;
    std::vector<QComboBox*> splitCombos;
};

JobForm::JobForm(JobRunner& runner, QWidget* parent)
    : QWidget(parent), runner_(runner), kinds_(new QListWidget(this)),
      forms_(new QStackedWidget(this)), device_(new QComboBox(this)),
      deviceLabel_(new QLabel(this)), f_(std::make_unique<Fields>()) {
    kinds_->setObjectName(QStringLiteral("jobKinds"));
    device_->setObjectName(QStringLiteral("device"));
    // Order of issue 13's list; the stack holds the forms in the same order.
    const std::pair<jobs::JobKind, QWidget* (JobForm::*)()> kinds[] = {
        {jobs::JobKind::Train, &JobForm::buildTrain},
        {jobs::JobKind::Distill, &JobForm::buildDistill},
        {jobs::JobKind::FineTune, &JobForm::buildFineTune},
        {jobs::JobKind::Index, &JobForm::buildIndex},
        {jobs::JobKind::Ingest, &JobForm::buildIngest},
        {jobs::JobKind::Search, &JobForm::buildSearch},
        {jobs::JobKind::ZeroShot, &JobForm::buildZeroShot},
        {jobs::JobKind::Evaluate, &JobForm::buildEvaluate},
        {jobs::JobKind::Compare, &JobForm::buildCompare}};
    for (const auto& [kind, build] : kinds) {
        auto* item = new QListWidgetItem(kindText(kind), kinds_);
        item->setData(kKindRole, int(kind));
        forms_->addWidget((this->*build)());
    }
    kinds_->setFixedHeight(kinds_->sizeHintForRow(0) * kinds_->count() + 2 * kinds_->frameWidth());
    connect(kinds_, &QListWidget::currentRowChanged, this, [this](int row) {
        forms_->setCurrentIndex(row);
        emit kindChanged(kind());
    });

    auto* deviceRow = new QHBoxLayout;
    deviceRow->addWidget(deviceLabel_);
    deviceRow->addWidget(device_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(kinds_);
    layout->addWidget(forms_);
    layout->addLayout(deviceRow);
    layout->addStretch(1);

    connect(&runner_, &JobRunner::runAdded, this, &JobForm::refreshRuns);
    connect(&runner_, &JobRunner::runChanged, this, &JobForm::refreshRuns);
    connect(&runner_, &JobRunner::runRemoved, this, &JobForm::refreshRuns);
    retranslate();
    refreshRuns();
    updateKindItems();
    kinds_->setCurrentRow(0);
}

JobForm::~JobForm() = default;

QFormLayout* JobForm::newForm(QWidget** page) {
    *page = new QWidget;
    auto* form = new QFormLayout(*page);
    form->setContentsMargins(0, 4, 0, 4);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

void JobForm::addRow(QFormLayout* form, const char* label, QWidget* field) {
    auto* text = new QLabel;
    labels_.emplace_back(text, label);
    form->addRow(text, field);
}

QFormLayout* JobForm::addAdvanced(QFormLayout* form) {
    auto* toggle = new QToolButton;
    toggle->setCheckable(true);
    toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle->setArrowType(Qt::RightArrow);
    toggle->setAutoRaise(true);
    auto* section = new QWidget;
    auto* inner = new QFormLayout(section);
    inner->setContentsMargins(12, 0, 0, 0);
    section->setVisible(false);
    connect(toggle, &QToolButton::toggled, section, [toggle, section](bool open) {
        section->setVisible(open);
        toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    advancedToggles_.push_back(toggle);
    form->addRow(toggle);
    form->addRow(section);
    return inner;
}

QWidget* JobForm::buildTrain() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->trainData = named(new PathCombo, "trainDataset");
    f_->datasetCombos.push_back(f_->trainData);
    f_->trainEpochs = spin(1, 1000, 5, "trainEpochs");
    f_->trainBatch = spin(2, 8192, 256, "trainBatch");
    addRow(form, QT_TR_NOOP("Data"), f_->trainData);
    addRow(form, QT_TR_NOOP("Epochs"), f_->trainEpochs);
    addRow(form, QT_TR_NOOP("Batch size"), f_->trainBatch);
    QFormLayout* advanced = addAdvanced(form);
    f_->trainLr = named(new QDoubleSpinBox, "trainLr");
    f_->trainLr->setDecimals(5);
    f_->trainLr->setRange(1e-5, 1.0);
    f_->trainLr->setSingleStep(1e-4);
    f_->trainLr->setValue(2e-3);
    f_->trainSeed = spin(0, 1 << 30, 0, "trainSeed");
    f_->trainMaxItems = spin(0, 10'000'000, 0, "trainMaxItems");
    f_->trainMaxItems->setSpecialValueText(tr("all"));
    f_->threads = spin(1, 256, 2, "threads");
    f_->trainProcesses = spin(1, 64, 1, "trainProcesses");
    f_->trainProcesses->setToolTip(
        tr("Data-parallel ranks: each process embeds a share of every batch (one GPU each on "
           "CUDA); the CPU threads are shared among them."));
    addRow(advanced, QT_TR_NOOP("Peak learning rate"), f_->trainLr);
    addRow(advanced, QT_TR_NOOP("Seed"), f_->trainSeed);
    addRow(advanced, QT_TR_NOOP("Items used"), f_->trainMaxItems);
    addRow(advanced, QT_TR_NOOP("CPU threads"), f_->threads);
    addRow(advanced, QT_TR_NOOP("Processes"), f_->trainProcesses);
    return page;
}

QWidget* JobForm::buildIndex() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->indexModel = named(new PathCombo, "indexModel");
    f_->indexData = named(new PathCombo, "indexDataset");
    f_->datasetCombos.push_back(f_->indexData);
    f_->indexSplit = named(new QComboBox, "indexSplit");
    f_->splitCombos.push_back(f_->indexSplit);
    f_->indexMaxItems = spin(0, 10'000'000, 0, "indexMaxItems");
    f_->indexMaxItems->setSpecialValueText(tr("all"));
    addRow(form, QT_TR_NOOP("Model"), f_->indexModel);
    addRow(form, QT_TR_NOOP("Gallery"), f_->indexData);
    addRow(form, QT_TR_NOOP("Split"), f_->indexSplit);
    QFormLayout* advanced = addAdvanced(form);
    addRow(advanced, QT_TR_NOOP("Items used"), f_->indexMaxItems);
    return page;
}

QWidget* JobForm::buildSearch() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->searchIndex = named(new PathCombo, "searchIndex");
    f_->searchText = named(new QLineEdit, "searchText");
    f_->searchImage = named(new ImageDropTarget, "searchImage");
    f_->searchTopK = spin(1, 200, 24, "searchTopK");
    addRow(form, QT_TR_NOOP("Index"), f_->searchIndex);
    addRow(form, QT_TR_NOOP("Text"), f_->searchText);
    addRow(form, QT_TR_NOOP("or image"), f_->searchImage);
    addRow(form, QT_TR_NOOP("Results"), f_->searchTopK);
    // A typed query replaces a picked image and the other way round: one query per search.
    connect(f_->searchText, &QLineEdit::textEdited, f_->searchImage, &ImageDropTarget::clear);
    connect(f_->searchImage, &ImageDropTarget::imageChosen, f_->searchText, &QLineEdit::clear);
    return page;
}

QWidget* JobForm::buildZeroShot() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->zsModel = named(new PathCombo, "zeroshotModel");
    f_->zsOnImages = named(new QRadioButton, "zeroshotOnImages");
    f_->zsOnDataset = named(new QRadioButton, "zeroshotOnDataset");
    f_->zsOnImages->setChecked(true);
    auto* modes = new QWidget;
    auto* modeRow = new QHBoxLayout(modes);
    modeRow->setContentsMargins(0, 0, 0, 0);
    modeRow->addWidget(f_->zsOnImages);
    modeRow->addWidget(f_->zsOnDataset);
    f_->zsImage = named(new ImageDropTarget, "zeroshotImage");
    f_->zsDrawing = named(new QPushButton, "zeroshotUseDrawing");
    f_->zsClasses = named(new QLineEdit, "zeroshotClasses");
    f_->zsTemplates = named(new QPlainTextEdit, "zeroshotTemplates");
    // Empty: the job's built-in ensemble. One template per line, {} for the class name.
    f_->zsTemplates->setPlaceholderText(QStringLiteral("a photo of a {}.\na drawing of a {}."));
    f_->zsTemplates->setFixedHeight(f_->zsTemplates->fontMetrics().lineSpacing() * 4 + 12);
    f_->zsDataset = named(new QComboBox, "zeroshotDataset");
    f_->builtinCombos.push_back(f_->zsDataset);
    f_->zsMaxItems = spin(0, 10'000'000, 0, "zeroshotMaxItems");
    f_->zsMaxItems->setSpecialValueText(tr("all"));
    addRow(form, QT_TR_NOOP("Model"), f_->zsModel);
    addRow(form, QT_TR_NOOP("Classify"), modes);
    addRow(form, QT_TR_NOOP("Image"), f_->zsImage);
    form->addRow(QString(), f_->zsDrawing);
    addRow(form, QT_TR_NOOP("Classes"), f_->zsClasses);
    addRow(form, QT_TR_NOOP("Templates"), f_->zsTemplates);
    addRow(form, QT_TR_NOOP("Dataset"), f_->zsDataset);
    addRow(form, QT_TR_NOOP("Items used"), f_->zsMaxItems);
    const auto showMode = [this, form] {
        const bool images = f_->zsOnImages->isChecked();
        form->setRowVisible(f_->zsImage, images);
        form->setRowVisible(f_->zsDrawing, images);
        form->setRowVisible(f_->zsClasses, images);
        form->setRowVisible(f_->zsTemplates, images);
        form->setRowVisible(f_->zsDataset, !images);
        form->setRowVisible(f_->zsMaxItems, !images);
    };
    connect(f_->zsOnImages, &QRadioButton::toggled, this, showMode);
    showMode();
    connect(f_->zsDrawing, &QPushButton::clicked, this,
            [this] { useDrawing(runner_.root() + QStringLiteral("/inputs")); });
    // The classes a model was trained on are the natural first guess.
    connect(f_->zsModel, &QComboBox::currentIndexChanged, this, [this] {
        const QString model = f_->zsModel->value();
        for (const jobs::RunRecord& run : runner_.runs())
            if (runner_.outputDir(QString::fromStdString(run.id)) == model &&
                isBuiltin(QString::fromStdString(run.spec.option("dataset"))))
                f_->zsClasses->setText(classNamesOf(run.spec.option("dataset")));
    });
    f_->zsClasses->setText(classNamesOf("fashion-mnist"));
    return page;
}

QWidget* JobForm::buildEvaluate() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->evalModel = named(new PathCombo, "evalModel");
    f_->evalDataset = named(new QComboBox, "evalDataset");
    f_->builtinCombos.push_back(f_->evalDataset);
    f_->evalSplit = named(new QComboBox, "evalSplit");
    f_->splitCombos.push_back(f_->evalSplit);
    f_->evalMaxItems = spin(0, 10'000'000, 0, "evalMaxItems");
    f_->evalMaxItems->setSpecialValueText(tr("all"));
    addRow(form, QT_TR_NOOP("Model"), f_->evalModel);
    addRow(form, QT_TR_NOOP("Dataset"), f_->evalDataset);
    addRow(form, QT_TR_NOOP("Split"), f_->evalSplit);
    QFormLayout* advanced = addAdvanced(form);
    addRow(advanced, QT_TR_NOOP("Items used"), f_->evalMaxItems);
    return page;
}

QWidget* JobForm::buildDistill() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->distillTeacher = named(new PathCombo, "distillTeacher");
    f_->distillData = named(new PathCombo, "distillDataset");
    f_->datasetCombos.push_back(f_->distillData);
    f_->distillEpochs = spin(1, 1000, 5, "distillEpochs");
    addRow(form, QT_TR_NOOP("Teacher"), f_->distillTeacher);
    addRow(form, QT_TR_NOOP("Data"), f_->distillData);
    addRow(form, QT_TR_NOOP("Epochs"), f_->distillEpochs);
    return page;
}

QWidget* JobForm::buildFineTune() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->tuneBase = named(new PathCombo, "finetuneBase");
    f_->tuneData = named(new PathCombo, "finetuneDataset");
    f_->datasetCombos.push_back(f_->tuneData);
    // The few-shot scenario of issue 15: 16 items per class, enough epochs for ~100 steps.
    f_->tuneShots = spin(0, 100'000, 16, "finetuneShots");
    f_->tuneShots->setSpecialValueText(tr("all"));
    f_->tuneEpochs = spin(1, 1000, 40, "finetuneEpochs");
    f_->tuneFull = named(new QCheckBox, "finetuneFull");
    addRow(form, QT_TR_NOOP("Base model"), f_->tuneBase);
    addRow(form, QT_TR_NOOP("Data"), f_->tuneData);
    addRow(form, QT_TR_NOOP("Items per class"), f_->tuneShots);
    addRow(form, QT_TR_NOOP("Epochs"), f_->tuneEpochs);
    form->addRow(QString(), f_->tuneFull);

    QFormLayout* advanced = addAdvanced(form);
    f_->tuneRank = spin(1, 1024, 8, "finetuneRank");
    f_->tuneAlpha = named(new QDoubleSpinBox, "finetuneAlpha");
    f_->tuneAlpha->setRange(0.01, 10'000);
    f_->tuneAlpha->setValue(16);
    f_->tuneDropout = named(new QDoubleSpinBox, "finetuneDropout");
    f_->tuneDropout->setRange(0, 0.9);
    f_->tuneDropout->setSingleStep(0.05);
    f_->tuneDropout->setValue(0.05);
    // Two rows of four, so the form keeps its column's width.
    auto* targets = new QWidget;
    auto* targetGrid = new QGridLayout(targets);
    targetGrid->setContentsMargins(0, 0, 0, 0);
    int column = 0;
    for (const char* name : {"q", "k", "v", "o", "fc1", "fc2", "head", "proj"}) {
        auto* box = new QCheckBox(QLatin1String(name));
        box->setObjectName(QStringLiteral("finetuneTarget_") + QLatin1String(name));
        box->setProperty("target", QLatin1String(name)); // the text may gain an accelerator
        const std::string_view n = name;
        box->setChecked(n == "q" || n == "v" || n == "head");
        targetGrid->addWidget(box, column / 4, column % 4);
        ++column;
        f_->tuneTargets.push_back(box);
    }
    auto* towers = new QWidget;
    auto* towerRow = new QHBoxLayout(towers);
    towerRow->setContentsMargins(0, 0, 0, 0);
    f_->tuneImageTower = named(new QCheckBox, "finetuneImageTower");
    f_->tuneTextTower = named(new QCheckBox, "finetuneTextTower");
    f_->tuneImageTower->setChecked(true);
    f_->tuneTextTower->setChecked(true);
    towerRow->addWidget(f_->tuneImageTower);
    towerRow->addWidget(f_->tuneTextTower);
    towerRow->addStretch(1);
    f_->tuneLr = named(new QDoubleSpinBox, "finetuneLr");
    f_->tuneLr->setDecimals(5);
    f_->tuneLr->setRange(1e-5, 1.0);
    f_->tuneLr->setSingleStep(1e-4);
    f_->tuneLr->setValue(1e-3);
    addRow(advanced, QT_TR_NOOP("LoRA rank"), f_->tuneRank);
    addRow(advanced, QT_TR_NOOP("LoRA alpha"), f_->tuneAlpha);
    addRow(advanced, QT_TR_NOOP("LoRA dropout"), f_->tuneDropout);
    addRow(advanced, QT_TR_NOOP("Adapted layers"), targets);
    addRow(advanced, QT_TR_NOOP("Towers"), towers);
    addRow(advanced, QT_TR_NOOP("Peak learning rate"), f_->tuneLr);
    // Every weight trained: the adapter settings do not apply, and a gentler rate does.
    connect(f_->tuneFull, &QCheckBox::toggled, this, [this](bool full) {
        for (QWidget* w : std::initializer_list<QWidget*>{f_->tuneRank, f_->tuneAlpha,
                                                           f_->tuneDropout, f_->tuneImageTower,
                                                           f_->tuneTextTower})
            w->setEnabled(!full);
        for (QCheckBox* box : f_->tuneTargets)
            box->setEnabled(!full);
        f_->tuneLr->setValue(full ? 1e-4 : 1e-3);
    });
    return page;
}

QWidget* JobForm::buildCompare() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->compareModels = named(new QListWidget, "compareModels");
    // Every model is measured on the same inputs: the test split of the data chosen here.
    f_->compareDataset = named(new QComboBox, "compareDataset");
    f_->builtinCombos.push_back(f_->compareDataset);
    f_->compareMaxItems = spin(0, 10'000'000, 0, "compareMaxItems");
    f_->compareMaxItems->setSpecialValueText(tr("all"));
    addRow(form, QT_TR_NOOP("Models"), f_->compareModels);
    addRow(form, QT_TR_NOOP("Dataset"), f_->compareDataset);
    QFormLayout* advanced = addAdvanced(form);
    addRow(advanced, QT_TR_NOOP("Items used"), f_->compareMaxItems);
    return page;
}

QWidget* JobForm::buildIngest() {
    QWidget* page;
    QFormLayout* form = newForm(&page);
    f_->ingestModel = named(new PathCombo, "ingestModel");
    f_->ingestFromFolder = named(new QRadioButton, "ingestFromFolder");
    f_->ingestFromBucket = named(new QRadioButton, "ingestFromBucket");
    f_->ingestFromFolder->setChecked(true);
    auto* sources = new QWidget;
    auto* sourceRow = new QHBoxLayout(sources);
    sourceRow->setContentsMargins(0, 0, 0, 0);
    sourceRow->addWidget(f_->ingestFromFolder);
    sourceRow->addWidget(f_->ingestFromBucket);
    f_->ingestFolder = named(new PathCombo, "ingestFolder");
    f_->ingestBrokers = named(new QLineEdit, "ingestBrokers");
    f_->ingestTopic = named(new QLineEdit(QStringLiteral("bucket-events")), "ingestTopic");
    f_->ingestEndpoint = named(new QLineEdit, "ingestEndpoint");
    f_->ingestEndpoint->setPlaceholderText(QStringLiteral("http://127.0.0.1:9000"));
    // Names of environment variables, never the keys: the child inherits the studio's
    // environment, and a key typed here would end up in params.json and the process list.
    f_->ingestAccessKeyEnv =
        named(new QLineEdit(QStringLiteral("AWS_ACCESS_KEY_ID")), "ingestAccessKeyEnv");
    f_->ingestSecretKeyEnv =
        named(new QLineEdit(QStringLiteral("AWS_SECRET_ACCESS_KEY")), "ingestSecretKeyEnv");
    f_->ingestOutBucket = named(new QLineEdit(QStringLiteral("processed")), "ingestOutBucket");
    addRow(form, QT_TR_NOOP("Model"), f_->ingestModel);
    addRow(form, QT_TR_NOOP("Source"), sources);
    addRow(form, QT_TR_NOOP("Folder"), f_->ingestFolder);
    addRow(form, QT_TR_NOOP("Kafka brokers"), f_->ingestBrokers);
    addRow(form, QT_TR_NOOP("Events topic"), f_->ingestTopic);
    addRow(form, QT_TR_NOOP("S3 endpoint"), f_->ingestEndpoint);
    addRow(form, QT_TR_NOOP("Access key from"), f_->ingestAccessKeyEnv);
    addRow(form, QT_TR_NOOP("Secret key from"), f_->ingestSecretKeyEnv);
    addRow(form, QT_TR_NOOP("Output bucket"), f_->ingestOutBucket);
    QFormLayout* advanced = addAdvanced(form);
    f_->ingestThumbSize = spin(8, 4096, 256, "ingestThumbSize");
    f_->ingestMaxObjectMb = named(new QDoubleSpinBox, "ingestMaxObjectMb");
    f_->ingestMaxObjectMb->setRange(0.001, 4096);
    f_->ingestMaxObjectMb->setDecimals(3);
    f_->ingestMaxObjectMb->setValue(64);
    addRow(advanced, QT_TR_NOOP("Thumbnail size"), f_->ingestThumbSize);
    addRow(advanced, QT_TR_NOOP("Largest object (MiB)"), f_->ingestMaxObjectMb);
    const auto showSource = [this, form] {
        const bool folder = f_->ingestFromFolder->isChecked();
        form->setRowVisible(f_->ingestFolder, folder);
        for (QWidget* field : {f_->ingestBrokers, f_->ingestTopic, f_->ingestEndpoint,
                               f_->ingestAccessKeyEnv, f_->ingestSecretKeyEnv, f_->ingestOutBucket})
            form->setRowVisible(field, !folder);
    };
    connect(f_->ingestFromFolder, &QRadioButton::toggled, this, showSource);
    showSource();
    return page;
}

jobs::JobKind JobForm::kind() const {
    const QListWidgetItem* item = kinds_->currentItem();
    return item ? jobs::JobKind(item->data(kKindRole).toInt()) : jobs::JobKind::Train;
}

void JobForm::setKind(jobs::JobKind kind) {
    for (int row = 0; row < kinds_->count(); ++row)
        if (jobs::JobKind(kinds_->item(row)->data(kKindRole).toInt()) == kind)
            kinds_->setCurrentRow(row);
}

bool JobForm::isKindEnabled(jobs::JobKind kind) const {
    for (int row = 0; row < kinds_->count(); ++row)
        if (jobs::JobKind(kinds_->item(row)->data(kKindRole).toInt()) == kind)
            return kinds_->item(row)->flags().testFlag(Qt::ItemIsEnabled);
    return false;
}

void JobForm::setAvailableJobs(const QSet<QString>& names) {
    available_ = names;
    availableKnown_ = true;
    updateKindItems();
}

void JobForm::updateKindItems() {
    for (int row = 0; row < kinds_->count(); ++row) {
        QListWidgetItem* item = kinds_->item(row);
        const auto kind = jobs::JobKind(item->data(kKindRole).toInt());
        const bool future = kind == jobs::JobKind::Distill || kind == jobs::JobKind::Compare ||
                            kind == jobs::JobKind::FineTune || kind == jobs::JobKind::Ingest;
        // Until the CLI answered, only the jobs every build has are offered.
        const bool enabled =
            !future ||
            (availableKnown_ && available_.contains(QString::fromLatin1(jobs::job_name(kind))));
        item->setFlags(enabled ? item->flags() | Qt::ItemIsEnabled
                               : item->flags() & ~Qt::ItemIsEnabled);
        item->setToolTip(enabled ? QString()
                                 : tr("liveml clip %1 is not available yet in this build.")
                                       .arg(QString::fromLatin1(jobs::job_name(kind))));
    }
}

void JobForm::setGpus(const QVector<jobs::GpuInfo>& gpus) {
    gpus_ = gpus;
    const QString selected = device_->currentData().toString();
    device_->clear();
    device_->addItem(tr("Automatic (first GPU, else CPU)"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    const QLocale locale;
    for (const jobs::GpuInfo& gpu : gpus)
        device_->addItem(tr("cuda:%1 · %2 (%3 GiB)")
                             .arg(gpu.index)
                             .arg(QString::fromStdString(gpu.name))
                             .arg(locale.toString(gpu.memory_mib / 1024.0, 'f', 0)),
                         QStringLiteral("cuda:%1").arg(gpu.index));
    const int index = device_->findData(selected);
    // No GPU: the CPU is what "auto" would pick, and saying so is clearer.
    device_->setCurrentIndex(index >= 0 ? index : (gpus.isEmpty() ? 1 : 0));
}

void JobForm::refreshRuns() {
    QList<PathCombo::Choice> models;
    QList<PathCombo::Choice> indexes;
    QList<PathCombo::Choice> modelItems;
    const auto& runs = runner_.runs();
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const QString id = QString::fromStdString(it->id);
        const QString out = runner_.outputDir(id);
        const bool usable =
            it->status == jobs::RunStatus::Done || it->status == jobs::RunStatus::Stopped;
        if (!usable || out.isEmpty()) continue;
        // An ingest's index answers searches like one built in a single pass.
        if (it->spec.kind == jobs::JobKind::Index || it->spec.kind == jobs::JobKind::Ingest) {
            if (QFileInfo::exists(out + QStringLiteral("/index.json")))
                indexes.append(
                    {tr("%1 (%2)").arg(id, QString::fromStdString(it->spec.data_source())), out});
        } else if (QFileInfo::exists(out + QStringLiteral("/config.json"))) {
            const QString data = QString::fromStdString(it->spec.option("dataset"));
            models.append({data.isEmpty() ? id : tr("%1 (%2)").arg(id, data), out});
        }
    }
    for (PathCombo* combo : {f_->indexModel, f_->zsModel, f_->evalModel, f_->distillTeacher,
                             f_->tuneBase, f_->ingestModel})
        combo->setChoices(models);
    f_->searchIndex->setChoices(indexes);
    f_->compareModels->clear();
    for (const auto& [text, path] : models) {
        auto* item = new QListWidgetItem(text, f_->compareModels);
        item->setData(Qt::UserRole, path);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

bool JobForm::useDrawing(const QString& folder) {
    if (!drawing_) return false;
    // The canvas draws dark ink on white paper; the built-in data the models learn from has
    // bright ink on black, so the drawing is inverted to match.
    QImage image = drawing_().convertToFormat(QImage::Format_Grayscale8);
    if (image.isNull() || !QDir().mkpath(folder)) return false;
    image.invertPixels();
    const QString path =
        QStringLiteral("%1/drawing-%2.png").arg(folder).arg(QDateTime::currentMSecsSinceEpoch());
    if (!image.save(path)) return false;
    f_->zsOnImages->setChecked(true);
    return f_->zsImage->setPath(path);
}

void JobForm::setSearchImage(const QString& path) {
    f_->searchImage->setPath(path);
}

void JobForm::setIngestFolder(const QString& path) {
    f_->ingestFromFolder->setChecked(true);
    f_->ingestFolder->selectFolder(path);
}

void JobForm::setSearchText(const QString& text) {
    f_->searchText->setText(text);
    f_->searchImage->clear();
}

std::optional<jobs::JobSpec> JobForm::spec(QString* error) const {
    jobs::JobSpec spec;
    spec.kind = kind();
    auto& o = spec.options;
    const auto need = [error](const QString& value, const QString& missing) {
        if (!value.isEmpty()) return true;
        if (error) *error = missing;
        return false;
    };
    const auto dataOption = [](const QString& value) { return value.toStdString(); };
    switch (spec.kind) {
    case jobs::JobKind::Train:
        if (!need(f_->trainData->value(), tr("Choose the training data."))) return std::nullopt;
        o["dataset"] = dataOption(f_->trainData->value());
        o["epochs"] = f_->trainEpochs->value();
        o["batch-size"] = f_->trainBatch->value();
        o["lr"] = f_->trainLr->value();
        o["seed"] = f_->trainSeed->value();
        if (f_->trainMaxItems->value() > 0) o["max-items"] = f_->trainMaxItems->value();
        if (f_->trainProcesses->value() > 1) o["nproc"] = f_->trainProcesses->value();
        break;
    case jobs::JobKind::Index: {
        if (!need(f_->indexModel->value(), tr("Choose a model (train one first)."))) return {};
        if (!need(f_->indexData->value(), tr("Choose the images to index."))) return {};
        o["model"] = f_->indexModel->value().toStdString();
        const QString data = f_->indexData->value();
        if (isBuiltin(data)) {
            o["dataset"] = data.toStdString();
            o["split"] = f_->indexSplit->currentData().toString().toStdString();
            if (f_->indexMaxItems->value() > 0) o["max-items"] = f_->indexMaxItems->value();
        } else {
            o["gallery"] = data.toStdString();
        }
        break;
    }
    case jobs::JobKind::Search: {
        const QString index = f_->searchIndex->value();
        if (!need(index, tr("Choose an index (build one first)."))) return {};
        // The index knows its model: the Index run's options say which.
        std::string model;
        for (const jobs::RunRecord& run : runner_.runs())
            if (runner_.outputDir(QString::fromStdString(run.id)) == index)
                model = run.spec.option("model");
        if (!need(QString::fromStdString(model), tr("The index's model is not known."))) return {};
        o["model"] = model;
        o["index"] = index.toStdString();
        const QString text = f_->searchText->text().trimmed();
        if (!text.isEmpty())
            o["text"] = nlohmann::ordered_json::array({text.toStdString()});
        else if (!f_->searchImage->path().isEmpty())
            o["image"] = nlohmann::ordered_json::array({f_->searchImage->path().toStdString()});
        else if (error) {
            *error = tr("Type a text or choose an image to search with.");
            return std::nullopt;
        }
        o["top-k"] = f_->searchTopK->value();
        break;
    }
    case jobs::JobKind::ZeroShot:
        if (!need(f_->zsModel->value(), tr("Choose a model (train one first)."))) return {};
        o["model"] = f_->zsModel->value().toStdString();
        if (f_->zsOnImages->isChecked()) {
            if (!need(f_->zsImage->path(), tr("Choose, drop or draw an image."))) return {};
            nlohmann::ordered_json classes = nlohmann::ordered_json::array();
            for (const QString& name : f_->zsClasses->text().split(',', Qt::SkipEmptyParts))
                if (!name.trimmed().isEmpty()) classes.push_back(name.trimmed().toStdString());
            if (classes.size() < 2) {
                if (error) *error = tr("Give at least two class names, separated by commas.");
                return std::nullopt;
            }
            nlohmann::ordered_json templates = nlohmann::ordered_json::array();
            for (const QString& line : f_->zsTemplates->toPlainText().split('\n')) {
                if (line.trimmed().isEmpty()) continue;
                if (!line.contains(QStringLiteral("{}"))) {
                    if (error) *error = tr("Each template needs {} where the class name goes.");
                    return std::nullopt;
                }
                templates.push_back(line.trimmed().toStdString());
            }
            o["images"] = nlohmann::ordered_json::array({f_->zsImage->path().toStdString()});
            o["classes"] = classes;
            if (!templates.empty()) o["template"] = templates;
            o["top-k"] = int(classes.size());
        } else {
            o["dataset"] = f_->zsDataset->currentData().toString().toStdString();
            o["split"] = "test";
            if (f_->zsMaxItems->value() > 0) o["max-items"] = f_->zsMaxItems->value();
        }
        break;
    case jobs::JobKind::Evaluate:
        if (!need(f_->evalModel->value(), tr("Choose a model (train one first)."))) return {};
        o["model"] = f_->evalModel->value().toStdString();
        o["dataset"] = f_->evalDataset->currentData().toString().toStdString();
        o["split"] = f_->evalSplit->currentData().toString().toStdString();
        if (f_->evalMaxItems->value() > 0) o["max-items"] = f_->evalMaxItems->value();
        break;
    case jobs::JobKind::Distill:
        if (!need(f_->distillTeacher->value(), tr("Choose a teacher model."))) return {};
        o["teacher"] = f_->distillTeacher->value().toStdString();
        o["dataset"] = dataOption(f_->distillData->value());
        o["epochs"] = f_->distillEpochs->value();
        break;
    case jobs::JobKind::FineTune: {
        if (!need(f_->tuneBase->value(), tr("Choose a base model."))) return {};
        o["base"] = f_->tuneBase->value().toStdString();
        o["dataset"] = dataOption(f_->tuneData->value());
        o["shots"] = f_->tuneShots->value();
        o["epochs"] = f_->tuneEpochs->value();
        o["lr"] = f_->tuneLr->value();
        if (f_->tuneFull->isChecked()) {
            o["full"] = true;
            break;
        }
        std::string targets, towers;
        for (QCheckBox* box : f_->tuneTargets)
            if (box->isChecked())
                targets += (targets.empty() ? "" : ",") + box->property("target").toString().toStdString();
        if (f_->tuneImageTower->isChecked()) towers = "image";
        if (f_->tuneTextTower->isChecked()) towers += towers.empty() ? "text" : ",text";
        if (!need(QString::fromStdString(targets), tr("Choose at least one layer to adapt.")) ||
            !need(QString::fromStdString(towers), tr("Choose at least one tower to adapt.")))
            return {};
        o["lora-rank"] = f_->tuneRank->value();
        o["lora-alpha"] = f_->tuneAlpha->value();
        o["lora-dropout"] = f_->tuneDropout->value();
        o["targets"] = targets;
        o["towers"] = towers;
        break;
    }
    case jobs::JobKind::Ingest:
        if (!need(f_->ingestModel->value(), tr("Choose a model (train one first)."))) return {};
        o["model"] = f_->ingestModel->value().toStdString();
        if (f_->ingestFromFolder->isChecked()) {
            if (!need(f_->ingestFolder->value(), tr("Choose the folder to watch."))) return {};
            o["watch"] = f_->ingestFolder->value().toStdString();
        } else {
            const QString brokers = f_->ingestBrokers->text().trimmed();
            const QString endpoint = f_->ingestEndpoint->text().trimmed();
            if (!need(brokers, tr("Give the Kafka brokers that carry the bucket events.")))
                return {};
            if (!need(endpoint, tr("Give the S3 endpoint the objects are fetched from.")))
                return {};
            o["brokers"] = brokers.toStdString();
            o["events-topic"] = f_->ingestTopic->text().trimmed().toStdString();
            o["s3-endpoint"] = endpoint.toStdString();
            o["access-key-env"] = f_->ingestAccessKeyEnv->text().trimmed().toStdString();
            o["secret-key-env"] = f_->ingestSecretKeyEnv->text().trimmed().toStdString();
            if (!f_->ingestOutBucket->text().trimmed().isEmpty())
                o["out-bucket"] = f_->ingestOutBucket->text().trimmed().toStdString();
        }
        o["thumb-size"] = f_->ingestThumbSize->value();
        o["max-object-mb"] = f_->ingestMaxObjectMb->value();
        break;
    case jobs::JobKind::Compare: {
        nlohmann::ordered_json models = nlohmann::ordered_json::array();
        for (int row = 0; row < f_->compareModels->count(); ++row)
            if (f_->compareModels->item(row)->checkState() == Qt::Checked)
                models.push_back(
                    f_->compareModels->item(row)->data(Qt::UserRole).toString().toStdString());
        if (models.size() < 2) {
            if (error) *error = tr("Tick at least two models to compare.");
            return std::nullopt;
        }
        o["model"] = models;
        o["dataset"] = f_->compareDataset->currentData().toString().toStdString();
        o["split"] = "test";
        if (f_->compareMaxItems->value() > 0) o["max-items"] = f_->compareMaxItems->value();
        break;
    }
    }
    const std::string device = device_->currentData().toString().toStdString();
    o["device"] = device;
    if (spec.kind != jobs::JobKind::Compare) o["threads"] = f_->threads->value();
    return spec;
}

void JobForm::retranslate() {
    for (auto& [label, source] : labels_)
        label->setText(tr(source));
    for (QToolButton* toggle : advancedToggles_)
        toggle->setText(tr("Advanced"));
    deviceLabel_->setText(tr("Device"));
    for (int row = 0; row < kinds_->count(); ++row)
        kinds_->item(row)->setText(
            kindText(jobs::JobKind(kinds_->item(row)->data(kKindRole).toInt())));
    for (PathCombo* combo : f_->datasetCombos)
        combo->setChoices({{tr("Fashion-MNIST"), QStringLiteral("fashion-mnist")},
                           {tr("Digits (8×8)"), QStringLiteral("digits")}});
    for (QComboBox* combo : f_->builtinCombos) {
        const int index = std::max(0, combo->currentIndex());
        combo->clear();
        combo->addItem(tr("Fashion-MNIST"), QStringLiteral("fashion-mnist"));
        combo->addItem(tr("Digits (8×8)"), QStringLiteral("digits"));
        combo->setCurrentIndex(index);
    }
    for (QComboBox* combo : f_->splitCombos) {
        const int index = combo->currentIndex() >= 0 ? combo->currentIndex() : 0;
        combo->clear();
        combo->addItem(tr("test"), QStringLiteral("test"));
        combo->addItem(tr("train"), QStringLiteral("train"));
        combo->setCurrentIndex(index);
    }
    f_->ingestFromFolder->setText(tr("Folder"));
    f_->ingestFromBucket->setText(tr("Bucket events (Kafka + S3)"));
    f_->ingestFolder->setToolTip(tr("New and changed images in this folder are indexed as they "
                                    "arrive; deleted ones leave the index."));
    f_->ingestAccessKeyEnv->setToolTip(tr("The name of an environment variable of the studio "
                                          "that holds the key (the key itself is never stored)."));
    f_->ingestSecretKeyEnv->setToolTip(f_->ingestAccessKeyEnv->toolTip());
    f_->tuneFull->setText(tr("Train every weight"));
    f_->tuneFull->setToolTip(tr("Full fine-tuning instead of LoRA adapters, to compare the two "
                                "on the same steps."));
    f_->tuneImageTower->setText(tr("Image"));
    f_->tuneTextTower->setText(tr("Text"));
    f_->tuneShots->setToolTip(tr("Few-shot adaptation: this many training items of each class "
                                 "are drawn (with the seed); \"all\" uses every item."));
    f_->tuneTargets.front()->parentWidget()->setToolTip(
        tr("q, k, v, o: attention projections; fc1, fc2: MLP layers; head: a convolutional "
           "image tower's linear layer; proj: the projections into the shared space."));
    f_->zsOnImages->setText(tr("Images"));
    f_->zsOnDataset->setText(tr("Dataset accuracy"));
    f_->zsDrawing->setText(tr("Use the drawing from the Draw page"));
    f_->searchText->setPlaceholderText(tr("e.g. a photo of an ankle boot"));
    f_->zsClasses->setToolTip(tr("Class names separated by commas; the job's template ensemble "
                                 "(\"a photo of a {}\", …) turns each into prompts."));
    updateKindItems();
    setGpus(gpus_);
}

void JobForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace liveml::experiments
