# The two commands of the README. Everything else is plain CMake presets.
PRESET ?= default
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)

.PHONY: deps build run test clean

deps:
	./scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	./scripts/run-studio.sh $(BUILD_DIR)

test: build
	ctest --preset $(PRESET) -j $(JOBS)

clean:
	rm -rf build
