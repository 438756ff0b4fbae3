# Entry points; CMake does the work. See README.md.
#   make build   configure build/ (RelWithDebInfo) and build everything
#   make test    install dependencies, build, run every test (unit + integration) with CTest
#   make demo    install dependencies, build, run a relaydb source + replica until Ctrl-C
#   make bench   install, build, relaydb vs MariaDB 10.11, all figures (~70 min; writes docs/benchmarks.md;
#                BENCH_ARGS="--quick" or "--smoke" or "--figures 1,3", see bench/README.md)
#   make asan    ASan+UBSan build in build-asan/ and its unit tests
#   make deps    only install the Debian packages (scripts/install-deps.sh)

BUILD_DIR  ?= build
ASAN_DIR   ?= build-asan
JOBS       ?= $(shell nproc)
CTEST_JOBS ?= 2
PYTHON     := /usr/bin/python3
BENCH_ARGS ?=

.PHONY: all deps build test demo bench asan

all: build

deps:
	scripts/install-deps.sh

build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) -j$(JOBS)

# Sequential on purpose: dependencies, then the build, then the tests, even under make -j.
test:
	$(MAKE) --no-print-directory deps
	$(MAKE) --no-print-directory build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(CTEST_JOBS)

demo:
	$(MAKE) --no-print-directory deps
	$(MAKE) --no-print-directory build
	RELAYDB_BIN=$(BUILD_DIR)/src/server/relaydb scripts/demo.sh

# Sequential on purpose, like test: dependencies (the project's, then the benchmark's own:
# matplotlib), the build, then the benchmark.
bench:
	$(MAKE) --no-print-directory deps
	bench/install-deps.sh
	$(MAKE) --no-print-directory build
	RELAYDB_BIN=$(BUILD_DIR)/src/server/relaydb $(PYTHON) bench/run_bench.py $(BENCH_ARGS)

asan:
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DRELAYDB_SANITIZE=ON
	cmake --build $(ASAN_DIR) -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --test-dir $(ASAN_DIR) --output-on-failure -j$(CTEST_JOBS) -LE integration
