# Two commands: `make run` and `make test`. Each installs what is missing first.
PORT ?= 8080
JOBS ?= $(shell nproc)
RELEASE := build/release
CHECK := build/check
FUZZ := build/fuzz

.PHONY: run test build build-check deps deps-test deps-fuzz deps-sat node-modules bench bench-live bench-review-draw vendor fuzz kirkman-sat clean

run: deps build
	@mkdir -p var
	$(RELEASE)/ensemble serve --port $(PORT) --db var/ensemble.db --static-dir client-web

test: deps-test build-check node-modules
	$(CHECK)/unit_tests
	ENSEMBLE_BIN=$(CURDIR)/$(CHECK)/ensemble node --test tests/integration/
	ENSEMBLE_BIN=$(CURDIR)/$(CHECK)/ensemble node --test tests/browser/

bench: deps-test build node-modules
	$(RELEASE)/matcher_bench
	$(RELEASE)/store_bench
	$(RELEASE)/review_bench
	$(RELEASE)/needs_bench
	RUNS=$(RUNS_DRAW) node bench/review-draw.js

RUNS_DRAW ?= 3
# The review page's draw time in headless chromium (bench/review-draw.js), RUNS_DRAW runs each (medians).
bench-review-draw: deps-test node-modules
	RUNS=$(RUNS_DRAW) node bench/review-draw.js

# The review page's graph library, copied from node_modules to client-web/vendor/ (committed).
vendor: deps-test node-modules
	scripts/vendor.sh

# The live server under load (bench/live/README.md): N attendee counts, RUNS runs each (medians); then what
# the kernel alone charges for one message to each of 10,000 loopback sockets (bench/send_floor.cpp).
N ?= 1000 10000
RUNS ?= 1
bench-live: deps-test build node-modules
	N="$(N)" RUNS=$(RUNS) ENSEMBLE_BIN=$(CURDIR)/$(RELEASE)/ensemble WORKER_BIN=$(CURDIR)/$(RELEASE)/bench_live_worker \
		node bench/live/run.js
	$(RELEASE)/send_floor 10000 600 5

# A design's base by a SAT solver (bench/kirkman_search.cpp), printed as a line of its data file in
# server/matching/: a triple system's, `make kirkman-sat V=174` (kirkman_data.cpp), or SAT="--rotational
# 100 4" or SAT="--copies 165 5 10 2" (rotational.cpp) or SAT="--packing 4 9" (packings.cpp) or
# SAT="--frame 232 4 121" (cyclic_frame.cpp).
# bench/MATCHER.md gives what each found.
V ?= 174
SAT ?= --sat $(V)
kirkman-sat: deps-sat build
	$(RELEASE)/kirkman_search $(SAT)

# libFuzzer with clang, never part of `make test` or CI (fuzz/README.md): each target runs FUZZ_SECONDS.
FUZZ_SECONDS ?= 120
FUZZ_TARGETS := client_message rest_bodies http_request websocket_frames
fuzz: deps-fuzz
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=None \
		"-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" -DENSEMBLE_FUZZ=ON >/dev/null
	cmake --build $(FUZZ) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh $(FUZZ) $(FUZZ_TARGETS)

build:
	cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(RELEASE) -j $(JOBS)

# Tests run against a sanitized build (ASan + UBSan): -O1 and no debug info keep Beast's compile short.
build-check:
	cmake -S . -B $(CHECK) -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS=-O1 -DENSEMBLE_SANITIZE=ON >/dev/null
	cmake --build $(CHECK) -j $(JOBS)

deps:
	@scripts/deps.sh

deps-test:
	@scripts/deps.sh test

deps-fuzz:
	@scripts/deps.sh fuzz

deps-sat:
	@scripts/deps.sh sat

node-modules: package-lock.json
	@[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

clean:
	rm -rf build
