# gen: build the dossier site and test everything.
#   make          build the site from content/ into public/
#   make test     run every test (vet, unit, end-to-end)
#   make check    verify that the committed public/ equals a fresh build
GO ?= go

.PHONY: all build test vet lint-workflows check fuzz bench
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

# Short fuzzing runs of the parsers and cleaners (FUZZTIME=1m for longer).
FUZZTIME ?= 10s
fuzz:
	$(GO) test ./internal/quote -run '^$$' -fuzz FuzzFind -fuzztime $(FUZZTIME)
	$(GO) test ./internal/quote -run '^$$' -fuzz FuzzNormalize -fuzztime $(FUZZTIME)
	$(GO) test ./internal/clean -run '^$$' -fuzz FuzzCleanText -fuzztime $(FUZZTIME)
	$(GO) test ./internal/clean -run '^$$' -fuzz FuzzCleanHTML -fuzztime $(FUZZTIME)

bench:
	$(GO) test ./... -run '^$$' -bench . -benchmem
