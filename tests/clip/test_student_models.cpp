// The distillation architectures: the ResNet-18 tower against torchvision's published size,
// the presets' sizes, and --init-from-teacher's weight mapping.
#include "clip/clip_model.hpp"
#include "clip/model_io.hpp"
#include "clip/student_init.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace liveml::clip {
namespace {

std::int64_t numel_under(torch::nn::Module& module) {
    std::int64_t n = 0;
    for (const auto& p : module.parameters())
        n += p.numel();
    return n;
}

VisionConfig resnet18(std::int64_t channels, std::int64_t side) {
    VisionConfig v;
    v.tower = ImageTower::ResNet;
    v.resnet_layers = {2, 2, 2, 2};
    v.hidden_size = 512;
    v.num_channels = channels;
    v.image_size = side;
    return v;
}

// torchvision.models.resnet18() has 11,689,512 parameters (its model card); we drop its
// 1000-class head, fc = 512x1000 weights + 1000 biases = 513,000 parameters.
TEST(ResNetTower, HasTorchvisionResNet18sParameters) {
    ResNetImageTower tower(resnet18(3, 224));
    constexpr std::int64_t kTorchvisionResNet18 = 11'689'512;
    constexpr std::int64_t kClassifierHead = 512 * 1000 + 1000;
    EXPECT_EQ(numel_under(*tower), kTorchvisionResNet18 - kClassifierHead);

    std::set<std::string> names;
    for (const auto& item : tower->named_parameters())
        names.insert(item.key());
    for (const auto& item : tower->named_buffers())
        names.insert(item.key());
    for (const char* name :
         {"conv1.weight", "bn1.weight", "bn1.running_mean", "layer1.0.conv1.weight",
          "layer1.1.bn2.bias", "layer2.0.downsample.0.weight", "layer2.0.downsample.1.running_var",
          "layer4.1.conv2.weight"})
        EXPECT_TRUE(names.contains(name)) << name;
    EXPECT_FALSE(names.contains("layer1.0.downsample.0.weight")) << "layer1 keeps its width";
}

TEST(ResNetTower, PoolsTo512FeaturesAtAnySize) {
    torch::NoGradGuard no_grad;
    ResNetImageTower rgb(resnet18(3, 224));
    rgb->eval();
    EXPECT_EQ(rgb(torch::randn({2, 3, 224, 224})).sizes(), (std::vector<std::int64_t>{2, 512}));
    ResNetImageTower gray(resnet18(1, 28));
    gray->eval();
    EXPECT_EQ(gray(torch::randn({3, 1, 28, 28})).sizes(), (std::vector<std::int64_t>{3, 512}));
}

// Batch-norm running statistics are part of the checkpoint: after a training-mode forward
// they differ from their initial values, and a reloaded model embeds identically.
TEST(ResNetTower, CheckpointKeepsBatchNormStatistics) {
    torch::manual_seed(0);
    ClipModel model(light_config(300, 298, 299, 28, 1, 32));
    model->train();
    model->encode_image(torch::randn({4, 1, 28, 28}));
    model->eval();
    const auto dir = std::filesystem::path(LIVEML_TEST_BINARY_DIR) / "light-roundtrip";
    std::filesystem::remove_all(dir);
    save_clip_model(*model, dir);
    auto back = load_clip_model(dir);
    back->eval();
    EXPECT_EQ(back->config().vision.tower, ImageTower::ResNet);
    torch::NoGradGuard no_grad;
    const auto pixels = torch::randn({2, 1, 28, 28});
    EXPECT_TRUE(torch::allclose(model->encode_image(pixels), back->encode_image(pixels)));
    EXPECT_TRUE(torch::allclose(model->resnet->bn1->running_mean, back->resnet->bn1->running_mean));
    EXPECT_GT(back->resnet->bn1->running_mean.abs().sum().item<double>(), 0.0);
}

// The large preset is the teacher: at least 10x the parameters of the default student built
// for distillation from it (the student takes the teacher's projection width, 256).
TEST(Presets, LargeTeacherHasTenTimesTheSmallStudentsParameters) {
    constexpr std::int64_t kVocab = 1200; // Fashion-MNIST's learnt vocabulary is ~1,100
    ClipModel large(large_cnn_config(kVocab, kVocab - 2, kVocab - 1, 28, 1));
    auto student_config = small_cnn_config(kVocab, kVocab - 2, kVocab - 1, 28, 1);
    student_config.projection_dim = large->config().projection_dim;
    ClipModel student(student_config);
    const auto teacher = count_parameters(*large);
    const auto small = count_parameters(*student);
    EXPECT_GE(teacher.total, 10 * small.total) << teacher.total << " vs " << small.total;
    EXPECT_EQ(teacher.image + teacher.text + 1, teacher.total) << "logit_scale is the +1";
}

TEST(Presets, LightStudentIsResNet18AndASixLayerTextTower) {
    ClipModel light(light_config(49408, 49406, 49407, 224, 3, 512));
    const auto counts = count_parameters(*light);
    EXPECT_EQ(counts.image, 11'689'512 - 513'000 + 512 * 512); // + visual_projection
    EXPECT_EQ(light->config().text.num_hidden_layers, 6);
}

TEST(InitFromTeacher, MapsEverySecondTextLayer) {
    EXPECT_EQ(teacher_source_name("text_model.encoder.layers.1.mlp.fc1.weight", 4),
              "text_model.encoder.layers.2.mlp.fc1.weight");
    EXPECT_EQ(teacher_source_name("text_model.encoder.layers.3.mlp.fc1.weight", 4),
              "text_model.encoder.layers.3.mlp.fc1.weight")
        << "past the teacher's depth: its last layer";
    EXPECT_EQ(teacher_source_name("text_model.embeddings.token_embedding.weight", 4),
              "text_model.embeddings.token_embedding.weight");
    EXPECT_EQ(teacher_source_name("visual_projection.weight", 4), "visual_projection.weight");
    EXPECT_EQ(teacher_source_name("vision_model.convs.0.weight", 4), "");
}

torch::Tensor param(ClipModelImpl& model, const std::string& name) {
    return model.named_parameters()[name];
}

TEST(InitFromTeacher, CopiesEqualShapesAndTheLeadingBlockOfWiderOnes) {
    torch::manual_seed(1);
    auto teacher_config = small_cnn_config(300, 298, 299, 28, 1);
    teacher_config.text.num_hidden_layers = 4;
    ClipModel teacher(teacher_config);
    auto student_config = small_cnn_config(300, 298, 299, 28, 1);
    student_config.projection_dim = 32; // narrower projections: sliced
    ClipModel student(student_config);
    const auto report = inherit_from_teacher(*student, *teacher);
    EXPECT_GT(report.copied, 0u);
    EXPECT_EQ(report.sliced, 2u) << "the two projections";
    EXPECT_TRUE(torch::equal(param(*student, "text_model.encoder.layers.1.mlp.fc1.weight"),
                             param(*teacher, "text_model.encoder.layers.2.mlp.fc1.weight")));
    EXPECT_TRUE(torch::equal(param(*student, "text_model.embeddings.token_embedding.weight"),
                             param(*teacher, "text_model.embeddings.token_embedding.weight")));
    EXPECT_TRUE(torch::equal(student->text_projection->weight,
                             teacher->text_projection->weight.narrow(0, 0, 32)));
    EXPECT_FALSE(torch::equal(student->cnn->fc->weight, teacher->cnn->fc->weight))
        << "the image tower is not inherited";
}

} // namespace
} // namespace liveml::clip
