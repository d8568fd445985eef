# actorgraph: `make demo` and `make test` are all a new machine needs (Debian bookworm).
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc)
DB ?= ./data/actorgraph
PORT ?= 8080

APT_PACKAGES := cmake g++ make pkg-config iproute2 librocksdb-dev libjemalloc-dev libboost-graph-dev libcpp-httplib-dev zlib1g-dev libssl-dev openssl \
  nlohmann-json3-dev catch2 libcli11-dev libspdlog-dev libgumbo-dev libxml2-dev libutf8proc-dev libicu-dev \
  clang-format iso-codes liblinear-dev libhunspell-dev hunspell-en-us hunspell-de-de hunspell-fr hunspell-es hunspell-pt-pt libbenchmark-dev python3 python3-networkx python3-igraph chromium
# Node.js and npm come from Debian only when the machine has no node at all.
NODE_PACKAGES := $(if $(shell command -v node),,nodejs npm)

.PHONY: deps build debug test demo viz clean model

# Installs, with apt-get, only the Debian packages that are missing.
deps:
	@missing=$$(for p in $(APT_PACKAGES) $(NODE_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j$(JOBS)

# The sanitizer build (ASan + UBSan) into build-debug/.
debug: deps
	cmake -S . -B build-debug -DCMAKE_BUILD_TYPE=Debug
	cmake --build build-debug -j$(JOBS)

viz: deps
	@if [ -f viz/package.json ]; then cd viz && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build; fi

test: build viz
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

demo: build viz
	rm -rf $(DB)
	$(BUILD)/actorgraph import --db $(DB) samples
	$(BUILD)/actorgraph serve --db $(DB) --host 127.0.0.1 --port $(PORT)

clean:
	rm -rf $(BUILD) build-debug

# Retrains the extractor's models from ../shared (CoNLL-2003, CoNLL04, our corpus) into
# importers/models with their card (cross-validated and public-dev figures); ~10 minutes.
# The build uses the committed models: `make test` never trains.
model: build
	python3 importers/training/make_model.py --bin $(BUILD)/actorgraph --shared ../shared --out importers/models

# The query language against Kùzu (issue 16; tests/query_oracle): the 57 queries of
# queries.json on the dev corpus's graph and a generated one, rows compared; fails on any
# difference. Installs the peers (Kùzu, 541 MB from npm) into /tmp/peers first.
.PHONY: oracle
oracle: build
	@[ -d /tmp/peers/node/node_modules/kuzu ] || { rm -rf /tmp/peers && cp -r ../shared/peers /tmp/peers && bash /tmp/peers/setup.sh; }
	cmake --build $(BUILD) -j$(JOBS) --target bench_graph
	ACTORGRAPH_BIN=$(BUILD)/actorgraph ACTORGRAPH_BENCH_GRAPH=$(BUILD)/bench/bench_graph node tests/query_oracle/oracle.mjs

# Benchmarks (issue 6; bench/README.md): the peers' graph workload on SQLite, Kùzu and
# actorgraph in one run, ingestion (1k, 10k articles; BENCH_100K=1 adds 100k), HTTP under wrk,
# peak RSS at N=1,000,000 (BENCH_1M=1). Release build in build-bench/; data in /tmp/agbench.
BENCH_N ?= 100000
BENCH_REPEATS ?= 3
.PHONY: bench
bench: deps
	@command -v wrk > /dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get install -y -qq wrk; }
	cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
	cmake --build build-bench -j$(JOBS) --target actorgraph bench_graph
	bash bench/run_graph_bench.sh $(BENCH_N) 42 $(BENCH_REPEATS)
	SIZES="1000 10000$(if $(BENCH_100K), 100000)" bash bench/run_ingest_bench.sh
	bash bench/run_http_bench.sh $(BENCH_N)
	$(if $(BENCH_1M),SYSTEMS=actorgraph bash bench/run_graph_bench.sh 1000000 42 1)

# libFuzzer targets (fuzz/), built with clang into build-fuzz/, each run for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: deps
	@$(MAKE) --no-print-directory deps APT_PACKAGES="clang-14 libclang-rt-14-dev"
	cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14
	cmake --build build-fuzz -j$(JOBS)
	fuzz/run.sh build-fuzz $(FUZZ_SECONDS)
