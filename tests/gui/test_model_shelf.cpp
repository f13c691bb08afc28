// The Draw page's learners: which slot each model lands in, which one answers (the canvas
// preset by default, the user's choice once made), that the stream's checkpoints are never
// replaced by the built-in SGD model, and that a correction trains the local learners only.
#include <QSignalSpy>
#include <QTest>

#include "model_shelf.hpp"
#include "online/learner_registry.hpp"
#include "online/model_file.hpp"
#include "prediction_service.hpp"

using namespace liveml;
using widgets::BuiltInModel;
using widgets::LoadedModel;
using widgets::ModelOrigin;
using widgets::ModelShelf;

namespace {

LoadedModel make(const char* learner, ModelOrigin origin,
                 BuiltInModel builtIn = BuiltInModel::CanvasPreset) {
    auto model = online::make_learner(learner, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 64);
    std::vector<double> x(64, 0.0);
    for (int label = 0; label < 10; ++label) {
        x[std::size_t(label)] = 16;
        model->partial_fit(x, label);
        x[std::size_t(label)] = 0;
    }
    LoadedModel loaded;
    loaded.classifier = std::shared_ptr<const online::OnlineClassifier>(std::move(model));
    loaded.origin = origin;
    loaded.builtIn = builtIn;
    return loaded;
}

LoadedModel canvas() {
    return make("mlp", ModelOrigin::TrainedDefault, BuiltInModel::CanvasPreset);
}
LoadedModel builtInSgd() {
    return make("sgd_classifier", ModelOrigin::CachedDefault, BuiltInModel::DigitsSgd);
}
LoadedModel stream(const char* learner) {
    return make(learner, ModelOrigin::Stream);
}

QStringList ids(const ModelShelf& shelf) {
    QStringList out;
    for (const auto& slot : shelf.entries())
        out << slot.id;
    return out;
}

} // namespace

class TestModelShelf : public QObject {
    Q_OBJECT
  private slots:
    void slotsInTheirOrder() {
        widgets::PredictionService service;
        ModelShelf shelf(service);
        LoadedModel file = make("softmax_regression", ModelOrigin::File);
        shelf.put(stream("mlp"));
        shelf.put(file);
        shelf.put(stream("softmax_regression"));
        shelf.put(builtInSgd());
        shelf.put(canvas());
        QCOMPARE(ids(shelf),
                 (QStringList{"canvas", "sgd_classifier", "softmax_regression", "mlp", "file"}));
        QCOMPARE(ModelShelf::slotFor(file), ModelShelf::kFile);
        QVERIFY(!ModelShelf::title(QStringLiteral("softmax_regression")).isEmpty());
    }

    void canvasPresetAnswersUntilTheUserChooses() {
        widgets::PredictionService service;
        ModelShelf shelf(service);
        QSignalSpy selection(&shelf, &ModelShelf::selectionChanged);
        shelf.put(stream("sgd_classifier")); // the stream was quicker than the preset
        QCOMPARE(shelf.selected(), ModelShelf::kSgd);
        shelf.put(canvas());
        QCOMPARE(shelf.selected(), ModelShelf::kCanvas);
        QCOMPARE(service.model()->classifier, shelf.model(ModelShelf::kCanvas)->classifier);
        QCOMPARE(selection.count(), 2);

        QVERIFY(shelf.select(ModelShelf::kSgd));
        QCOMPARE(service.model()->origin, ModelOrigin::Stream);
        shelf.put(canvas()); // a late default (a second start) keeps the user's choice
        QCOMPARE(shelf.selected(), ModelShelf::kSgd);
        QVERIFY(!shelf.select(QStringLiteral("mlp"))); // empty slot: nothing changes
        QCOMPARE(shelf.selected(), ModelShelf::kSgd);
    }

    void theSelectedSlotFollowsNewCheckpoints() {
        widgets::PredictionService service;
        ModelShelf shelf(service);
        shelf.put(canvas());
        shelf.put(stream("softmax_regression"));
        QVERIFY(shelf.select(QStringLiteral("softmax_regression")));
        LoadedModel newer = stream("softmax_regression");
        newer.streamVersion = 7;
        shelf.put(newer);
        QCOMPARE(service.model()->streamVersion, qint64(7));
        // Another slot's checkpoint does not change the answer.
        shelf.put(stream("mlp"));
        QCOMPARE(service.model()->classifier->kind(), std::string_view("softmax_regression"));
    }

    void builtInSgdNeverReplacesTheStreams() {
        widgets::PredictionService service;
        ModelShelf shelf(service);
        shelf.put(builtInSgd());
        QCOMPARE(shelf.model(ModelShelf::kSgd)->origin, ModelOrigin::CachedDefault);
        shelf.put(stream("sgd_classifier"));
        QCOMPARE(shelf.model(ModelShelf::kSgd)->origin, ModelOrigin::Stream);
        shelf.put(builtInSgd());
        QCOMPARE(shelf.model(ModelShelf::kSgd)->origin, ModelOrigin::Stream);
    }

    void anOpenedFileAnswersAndStays() {
        widgets::PredictionService service;
        ModelShelf shelf(service);
        shelf.put(make("softmax_regression", ModelOrigin::File));
        QCOMPARE(shelf.selected(), ModelShelf::kFile);
        shelf.put(canvas());
        QCOMPARE(shelf.selected(), ModelShelf::kFile);
    }

    void correctionsTrainTheLocalLearnersOnly() {
        widgets::PredictionService service;
        ModelShelf shelf(service);
        shelf.put(canvas());
        shelf.put(builtInSgd());
        shelf.put(stream("mlp"));
        const auto canvasBefore = shelf.model(ModelShelf::kCanvas)->classifier;
        const auto sgdBefore = shelf.model(ModelShelf::kSgd)->classifier;
        const auto streamBefore = shelf.model(QStringLiteral("mlp"))->classifier;
        QSignalSpy changed(&shelf, &ModelShelf::entriesChanged);
        digits::Features drawing{};
        drawing[12] = 16;
        QCOMPARE(shelf.learnCorrection(drawing, 7, 4), 2);
        QCOMPARE(changed.count(), 1);
        const auto& canvasAfter = shelf.model(ModelShelf::kCanvas)->classifier;
        QVERIFY(canvasAfter != canvasBefore); // a new model: the old one is never modified
        QCOMPARE(canvasAfter->samples_seen(), canvasBefore->samples_seen() + 4);
        QCOMPARE(shelf.model(ModelShelf::kSgd)->classifier->samples_seen(),
                 sgdBefore->samples_seen() + 4);
        QCOMPARE(shelf.model(QStringLiteral("mlp"))->classifier, streamBefore);
        QCOMPARE(shelf.model(ModelShelf::kCanvas)->metadata.at("studio_corrections"),
                 std::string("1"));
        // The answering learner is the corrected one at once.
        QCOMPARE(service.model()->classifier, canvasAfter);
        // A label a model does not know is skipped for that model, not fatal.
        QCOMPARE(shelf.learnCorrection(drawing, 11, 4), 0);
    }
};

QTEST_MAIN(TestModelShelf)
#include "test_model_shelf.moc"
