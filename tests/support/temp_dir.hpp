#pragma once
#include <filesystem>
#include <string_view>

namespace liveml::testing {

// A new, empty directory under the system temp dir (mkdtemp: unique even across parallel
// CTest runs and repeated tests in one process), removed with everything in it when the
// object goes away.
class TempDir {
  public:
    explicit TempDir(std::string_view tag = "test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const noexcept { return path_; }
    std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

} // namespace liveml::testing
