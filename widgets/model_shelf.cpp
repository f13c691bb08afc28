#include "model_shelf.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <string>

#include "digits/correction.hpp"
#include "prediction_service.hpp"

namespace liveml::widgets {

namespace {

// Where a slot sits in the list: built-in first, then the stream's learners, the file last.
int rank(const QString& id) {
    static const QStringList order{ModelShelf::kCanvas, ModelShelf::kSgd,
                                   QStringLiteral("softmax_regression"), QStringLiteral("mlp")};
    const int known = int(order.indexOf(id));
    if (known >= 0) return known;
    return id == ModelShelf::kFile ? 1000 : 100;
}

} // namespace

ModelShelf::ModelShelf(PredictionService& service, QObject* parent)
    : QObject(parent), service_(service) {}

QString ModelShelf::slotFor(const LoadedModel& model) {
    switch (model.origin) {
    case ModelOrigin::TrainedDefault:
    case ModelOrigin::CachedDefault:
        return model.builtIn == BuiltInModel::CanvasPreset ? kCanvas : kSgd;
    case ModelOrigin::File:
        return kFile;
    case ModelOrigin::Stream:
        break;
    }
    const std::string_view kind = model.classifier->kind();
    return QString::fromUtf8(kind.data(), qsizetype(kind.size()));
}

const LoadedModel* ModelShelf::model(const QString& id) const {
    const auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const Entry& s) { return s.id == id; });
    return it == entries_.end() ? nullptr : &it->model;
}

void ModelShelf::put(const LoadedModel& model) {
    const QString id = slotFor(model);
    const LoadedModel* current = this->model(id);
    if (current && current->origin == ModelOrigin::Stream && model.origin != ModelOrigin::Stream)
        return;
    replace(id, model);
    emit entriesChanged();
    if (model.origin == ModelOrigin::File) userChose_ = true; // opening one is a choice
    if (selected_.isEmpty() || model.origin == ModelOrigin::File || (id == kCanvas && !userChose_))
        choose(id);
    else if (selected_ == id)
        service_.setModel(model);
}

void ModelShelf::replace(const QString& id, const LoadedModel& model) {
    const auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const Entry& s) { return s.id == id; });
    if (it != entries_.end()) {
        it->model = model;
        return;
    }
    const auto at = std::find_if(entries_.begin(), entries_.end(),
                                 [&](const Entry& s) { return rank(s.id) > rank(id); });
    entries_.insert(at, Entry{id, model});
}

bool ModelShelf::select(const QString& id) {
    if (!model(id)) return false;
    userChose_ = true;
    return choose(id);
}

bool ModelShelf::choose(const QString& id) {
    const LoadedModel* chosen = model(id);
    if (!chosen) return false;
    const bool changed = selected_ != id;
    selected_ = id;
    service_.setModel(*chosen);
    if (changed) emit selectionChanged(id);
    return true;
}

int ModelShelf::learnCorrection(const digits::Features& drawing, int label, int copies) {
    const std::uint64_t seed = ++corrections_;
    int learned = 0;
    for (Entry& slot : entries_) {
        if (slot.model.origin == ModelOrigin::Stream) continue;
        auto copy = slot.model.classifier->clone();
        try {
            digits::learn_correction(*copy, drawing, label, copies, seed);
        } catch (const std::exception&) {
            continue; // a model without this class (an opened file's) cannot learn it
        }
        slot.model.classifier = std::shared_ptr<const online::OnlineClassifier>(std::move(copy));
        const auto it = slot.model.metadata.find("studio_corrections");
        const long before =
            it == slot.model.metadata.end() ? 0 : std::strtol(it->second.c_str(), nullptr, 10);
        slot.model.metadata["studio_corrections"] = std::to_string(before + 1);
        if (slot.id == selected_) service_.setModel(slot.model);
        ++learned;
    }
    if (learned > 0) emit entriesChanged();
    return learned;
}

QString ModelShelf::title(const QString& id) {
    if (id == kCanvas) return tr("Canvas preset (MLP)");
    if (id == kSgd) return tr("SGD, exact to scikit-learn");
    if (id == QLatin1String("softmax_regression")) return tr("Softmax regression");
    if (id == QLatin1String("mlp")) return tr("MLP (stream)");
    if (id == kFile) return tr("Opened file");
    return id;
}

} // namespace liveml::widgets
