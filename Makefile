# The two commands of the README. Everything else is plain CMake presets.
PRESET ?= default
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)

FUZZ_SECONDS ?= 60

.PHONY: deps build run test fuzz package-test clean

deps:
	./scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	./scripts/run-studio.sh $(BUILD_DIR)

test: build
	ctest --preset $(PRESET) -j $(JOBS)

# Not part of `make test`: every libFuzzer target for FUZZ_SECONDS each (docs/fuzzing.md).
fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	./scripts/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS)

# Builds the .deb and installs it into a clean Debian 12 root (docs/packaging.md). Root only.
package-test: build
	./scripts/package-test.sh $(BUILD_DIR)

clean:
	rm -rf build
