# gen: build the dossier site and test everything.
#   make          build the site from content/ into public/
#   make test     run every test (vet, unit, end-to-end)
#   make check    verify that the committed public/ equals a fresh build
GO ?= go

.PHONY: all build test vet lint-workflows check fuzz bench bench-clean bench-hugo corpus
all: build

build:
	$(GO) run ./cmd/gen build

test: vet lint-workflows
	$(GO) test ./...
	$(GO) run ./cmd/gen check

# actionlint, fetched and built by the Go toolchain at a fixed version.
ACTIONLINT ?= github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
lint-workflows:
	$(GO) run $(ACTIONLINT) .github/workflows/*.yml

vet:
	@test -z "$$(gofmt -l .)" || (echo "gofmt needed on:"; gofmt -l .; exit 1)
	$(GO) vet ./...

check:
	$(GO) run ./cmd/gen check

# Fuzzing: every target for FUZZTIME each (FUZZTIME=10m for a real run).
# The inputs the fuzzer found interesting are copied into the package's
# testdata/fuzz/ so that they are committed and replayed by go test.
FUZZTIME ?= 10s
# Inputs the fuzzer finds are kept as found: minimizing each (60s by
# default) took most of the time of the targets with large inputs.
FUZZMINIMIZE ?= 1x
FUZZ_TARGETS = \
	internal/clean:FuzzCleanText internal/clean:FuzzCleanHTML internal/clean:FuzzEscapeMarkdown \
	internal/quote:FuzzFind internal/quote:FuzzNormalize \
	internal/reldate:FuzzResolve internal/content:FuzzLoad \
	internal/crosscheck:FuzzFigures internal/crosscheck:FuzzNewGuardOf internal/suggest:FuzzSuggest \
	internal/wire:FuzzDecoder internal/site:FuzzSourceWire internal/site:FuzzJSONString
fuzz:
	@set -e; cache=$$($(GO) env GOCACHE)/fuzz/github.com/gen-dossier/gen; \
	for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "== $$pkg $$fn ($(FUZZTIME))"; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE); \
		if [ -d "$$cache/$$pkg/$$fn" ]; then \
			mkdir -p $$pkg/testdata/fuzz/$$fn; cp -n "$$cache/$$pkg/$$fn"/* $$pkg/testdata/fuzz/$$fn/ 2>/dev/null || true; \
		fi; \
	done

# Benchmarks of the whole build, each stage and Write at N = 3 (the
# committed dossier), 100 and 1,000 sources; BENCH_LARGE=1 adds 10,000,
# BENCH_SIZES=3,100 picks sizes, BENCHTIME=5x gives steadier figures.
BENCHTIME ?= 1x
BENCH_SIZES ?= 3,100,1000
# The cleaner on the article-extraction benchmark: P, R, F1 per input kind
# (plain-text captures and saved HTML) and throughput.
BENCH ?= ../shared/bench
bench-clean:
	$(GO) test ./internal/clean -run '^TestBenchScore$$' -count=1 -v -bench-dir=$(abspath $(BENCH))

bench:
	GEN_BENCH_SIZES=$(BENCH_SIZES) GEN_BENCH_LARGE=$(BENCH_LARGE) $(GO) test ./internal/site -run '^$$' -bench 'Build$$|Build/|BuildTo|Stage|Write' -benchmem -benchtime $(BENCHTIME)

# A synthetic dossier of N sources for benchmarks: make corpus N=1000 OUT=/tmp/corpus
N ?= 1000
OUT ?= /tmp/gen-corpus-$(N)
corpus:
	$(GO) run ./internal/corpus/cmd/corpus -n $(N) -out $(OUT)

# gen against Hugo, side by side, whole process: make bench-hugo N=1000
# builds gen, installs Hugo $(HUGO) with the Go toolchain (once, into
# $(BENCH_DIR)/bin), writes a dossier of N sources and a Hugo site of
# the same N articles (corpus -hugo), or uses the committed dossier and
# 3 articles for N=3, and times each build RUNS times in turn, each into
# a folder its first, untimed, run filled: gen with no build cache, gen
# with the cache that run filled, and Hugo with and without --minify;
# the ratios are to Hugo's (plain) build.
HUGO ?= github.com/gohugoio/hugo@v0.165.0
BENCH_DIR ?= /tmp/gen-bench
RUNS ?= 7
bench-hugo:
	@mkdir -p $(BENCH_DIR)/bin
	$(GO) build -o $(BENCH_DIR)/bin/gen ./cmd/gen
	$(GO) build -o $(BENCH_DIR)/bin/sidebyside ./internal/corpus/cmd/sidebyside
	test -x $(BENCH_DIR)/bin/hugo || GOBIN=$(abspath $(BENCH_DIR))/bin $(GO) install $(HUGO)
	@if [ "$(N)" = 3 ]; then rm -rf $(BENCH_DIR)/dossier-3 && cp -R content $(BENCH_DIR)/dossier-3; \
	else test -d $(BENCH_DIR)/dossier-$(N) || $(GO) run ./internal/corpus/cmd/corpus -n $(N) -out $(BENCH_DIR)/dossier-$(N); fi
	test -d $(BENCH_DIR)/hugo-$(N) || $(GO) run ./internal/corpus/cmd/corpus -hugo -n $(N) -out $(BENCH_DIR)/hugo-$(N)
	$(BENCH_DIR)/bin/sidebyside -runs $(RUNS) -ref hugo \
		"gen=env GENCACHE=off $(BENCH_DIR)/bin/gen build -content $(BENCH_DIR)/dossier-$(N) -out $(BENCH_DIR)/out/gen-$(N)" \
		"gen-cached=env GENCACHE=$(BENCH_DIR)/cache $(BENCH_DIR)/bin/gen build -content $(BENCH_DIR)/dossier-$(N) -out $(BENCH_DIR)/out/gen-cached-$(N)" \
		"hugo=$(BENCH_DIR)/bin/hugo --quiet -s $(BENCH_DIR)/hugo-$(N) -d $(abspath $(BENCH_DIR))/out/hugo-$(N)" \
		"hugo-minify=$(BENCH_DIR)/bin/hugo --quiet --minify -s $(BENCH_DIR)/hugo-$(N) -d $(abspath $(BENCH_DIR))/out/hugo-minify-$(N)"
