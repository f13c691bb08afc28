// The Compare view from a result in `liveml clip compare --json`'s shape: the table sorts by
// number, the Pareto front leaves out the dominated model, the settings table hides what the
// runs share until asked, the CSV carries run ids, and a teacher/student latency spread gets a
// logarithmic axis.
#include <QCheckBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include "experiments/compare_view.hpp"

using liveml::experiments::CompareView;

namespace {

nlohmann::json threeModels() {
    return nlohmann::json::parse(R"({"models":[
      {"model":"/runs/teacher/model","params":{"image":3000000,"text":400000,"total":3400000},
       "size_mb":13.1,"compression":1.0,"latency_ms":{"image":{"b1":{"p50":12.0,"p95":14.0}}},
       "speedup":{"image_b1":1.0},"zeroshot":{"top1":0.93,"top5":0.99}},
      {"model":"/runs/student/model","params":{"image":300000,"text":40000,"total":340000},
       "size_mb":1.3,"compression":10.0,"latency_ms":{"image":{"b1":{"p50":1.0,"p95":1.2}}},
       "speedup":{"image_b1":12.0},"zeroshot":{"top1":0.92,"top5":0.99}},
      {"model":"/elsewhere/old","params":{"image":900000,"text":90000,"total":990000},
       "size_mb":4.0,"compression":3.4,"latency_ms":{"image":{"b1":{"p50":4.0,"p95":5.0}}},
       "speedup":{"image_b1":3.0},"zeroshot":{"top1":0.85,"top5":0.97}}]})");
}

} // namespace

class TestCompareView : public QObject {
    Q_OBJECT
  private slots:
    void fillsTableScatterAndSettings() {
        CompareView view;
        view.resize(1100, 700);
        view.show(threeModels(),
                  {{"/runs/teacher/model", "teacher"}, {"/runs/student/model", "student"}},
                  {{"teacher", nlohmann::json::parse(R"({"dataset":"fashion-mnist","epochs":20,
                                                         "preset":"large"})")},
                   {"student", nlohmann::json::parse(R"({"dataset":"fashion-mnist","epochs":8,
                                                         "teacher":"/runs/teacher/model"})")}});
        QTableWidget* table = view.modelTable();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("teacher"));
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("old")); // no run: the folder name

        // Sorting by parameters is numeric: 340,000 < 990,000 < 3,400,000.
        table->sortByColumn(1, Qt::AscendingOrder);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("student"));
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("teacher"));
        // Top-1 retained is the share of the first model's: 0.92 / 0.93.
        const int retained = table->columnCount() - 1;
        QCOMPARE(table->item(0, retained)->data(Qt::UserRole).toDouble(), 0.92 / 0.93);

        // The old model is slower than the student and weaker: not on the front.
        QCOMPARE(view.front(), (std::vector<std::size_t>{1, 0}));
        QCustomPlot* plot = view.scatter();
        QCOMPARE(plot->graphCount(), 4); // three models and the front
        QCOMPARE(plot->graph(3)->dataCount(), 2);
        QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic); // 1 ms to 12 ms
        // Marker size follows the parameter count: the teacher's disc is the largest.
        QVERIFY(plot->graph(0)->scatterStyle().size() > plot->graph(2)->scatterStyle().size());
        QVERIFY(plot->graph(2)->scatterStyle().size() > plot->graph(1)->scatterStyle().size());

        // Settings: dataset is shared, so hidden until "differences only" is off.
        QTableWidget* settings = view.settingsTable();
        QCOMPARE(settings->columnCount(), 3);
        int dataset = -1;
        for (int row = 0; row < settings->rowCount(); ++row)
            if (settings->verticalHeaderItem(row)->text() == QStringLiteral("dataset"))
                dataset = row;
        QVERIFY(dataset >= 0);
        // The third model has no run, so its dataset is unknown and the row differs.
        QVERIFY(!settings->isRowHidden(dataset));
        int epochs = -1;
        for (int row = 0; row < settings->rowCount(); ++row)
            if (settings->verticalHeaderItem(row)->text() == QStringLiteral("epochs")) epochs = row;
        QCOMPARE(settings->item(epochs, 0)->text(), QStringLiteral("20"));
        QCOMPARE(settings->item(epochs, 1)->text(), QStringLiteral("8"));
    }

    void hidesSharedSettingsUntilAsked() {
        CompareView view;
        view.show(threeModels(), {{"/runs/teacher/model", "a"}, {"/runs/student/model", "b"}},
                  {{"a", nlohmann::json::parse(R"({"dataset":"digits","epochs":2})")},
                   {"b", nlohmann::json::parse(R"({"dataset":"digits","epochs":3})")}});
        // Only the first two have runs; compare those two with a view of just them.
        nlohmann::json two = threeModels();
        two["models"].erase(2);
        view.show(two, {{"/runs/teacher/model", "a"}, {"/runs/student/model", "b"}},
                  {{"a", nlohmann::json::parse(R"({"dataset":"digits","epochs":2})")},
                   {"b", nlohmann::json::parse(R"({"dataset":"digits","epochs":3})")}});
        QTableWidget* settings = view.settingsTable();
        QCOMPARE(settings->rowCount(), 2);
        QVERIFY(view.differencesOnly()->isChecked());
        QVERIFY(settings->isRowHidden(0));  // dataset: the same
        QVERIFY(!settings->isRowHidden(1)); // epochs: 2 vs 3
        view.differencesOnly()->setChecked(false);
        QVERIFY(!settings->isRowHidden(0));
    }

    void exportsCsvWithRunIds() {
        CompareView view;
        view.show(threeModels(), {{"/runs/student/model", "student"}}, {});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("comparison.csv"));
        QVERIFY(view.exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines[0].startsWith("run_id,model,compression,latency_ms.image.b1.p50"));
        QVERIFY(lines[1].startsWith(",/runs/teacher/model,1,12,"));
        QVERIFY(lines[2].startsWith("student,/runs/student/model,10,1,"));
        QVERIFY(!view.exportCsv(dir.filePath(QStringLiteral("missing/folder/x.csv"))));
    }

    void refusesAResultWithoutModels() {
        CompareView view;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, view.show(nlohmann::json::object(), {}, {}));
    }
};

QTEST_MAIN(TestCompareView)
#include "test_compare_view.moc"
