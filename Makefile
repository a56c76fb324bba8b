# sitegen — common tasks. `make site` builds the sample site, `make test` runs every test.
SWIFT ?= swift

.PHONY: site serve test deps bench bench-templates validate clean fuzz fuzz-build

deps:
	@missing=""; \
	pkg-config --exists libcmark || missing="$$missing libcmark-dev"; \
	pkg-config --exists jemalloc || missing="$$missing libjemalloc-dev"; \
	[ -z "$$missing" ] || { \
	  echo "Installing$$missing (libcmark, the CommonMark reference library; jemalloc, the allocator)…"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; fi; }

site: deps
	$(SWIFT) build -c release --product sitegen
	.build/release/sitegen build
	@echo "Open Output/index.html, or serve it with live reload: make serve"

serve: deps
	$(SWIFT) build -c release --product sitegen
	.build/release/sitegen serve

test: deps
	$(SWIFT) test

bench-templates:
	$(SWIFT) run -c release --package-path Benchmarks/TemplateBench template-bench

clean:
	rm -rf .build

# Validates Output/ (build it first with `make site`): HTML with the W3C Nu checker,
# feeds with feedparser, sitemaps against the sitemaps.org 0.9 schema with xmllint.
validate:
	Tools/validate.sh Output

# libFuzzer targets for the front matter, raw text and template parsers (README, "Fuzzing").
# `make fuzz` runs each for FUZZ_SECONDS (default 600); `make fuzz FUZZ_SECONDS=60` is a quick run.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= front-matter raw-text template

fuzz-build: deps
	rm -f Fuzz/.build/*/release/description.json  # as for bench: sitegen's source list, kept stale
	$(SWIFT) build --package-path Fuzz -c release --sanitize=address -Xswiftc -sanitize=fuzzer \
	  -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld

fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do Fuzz/run.sh $$target $(FUZZ_SECONDS) || exit 1; done

# The site benchmark (BENCHMARKS.md): a generated N-article corpus, RUNS cold builds into
# fresh folders, a no-change rebuild and an incremental one. `make bench N=50000 RUNS=3`.
# `make bench OUTPUTS=/dev/shm/sitegen-bench` writes the outputs into tmpfs, leaving the disk out.
N ?= 10000
RUNS ?= 5
OUTPUTS ?= bench-work
# `make bench RAW=20` writes 20% of the articles as raw news texts (`.txt`) instead.
RAW ?= 0
# `make bench HUGO=1` builds the same corpus with Hugo too (Benchmarks/Hugo/, BENCHMARKS.md
# "Against Hugo"), installing Debian's hugo when it is missing; HUGO=related adds related stories.
HUGO ?=
# The floor's C compiler: the system's `cc`, else the clang that comes with Swift.
FLOOR_CC ?= $(shell command -v cc 2>/dev/null || command -v clang 2>/dev/null)
bench: deps
	$(SWIFT) build -c release --product sitegen
	@# SwiftPM keeps the source list of a path dependency (sitegen) from the last build here:
	@# a source file added since would be missing. Rebuilding it costs nothing.
	rm -f Benchmarks/SiteBench/.build/*/release/description.json
	$(SWIFT) build -c release --package-path Benchmarks/SiteBench --product site-bench
	@# The floor (BENCHMARKS.md): libcmark alone rendering the bodies and writing them, from C.
	mkdir -p .build && $(FLOOR_CC) -O2 -Wall -pthread -o .build/cmark-floor Benchmarks/Floor/floor.c \
	  $$(pkg-config --cflags --libs libcmark)
ifneq ($(HUGO),)
	@command -v hugo >/dev/null || { echo "Installing hugo (for the comparison)…"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq hugo; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq hugo; fi; }
endif
	python3 Benchmarks/sitebench.py --n $(N) --runs $(RUNS) --raw-share $(RAW) --outputs $(OUTPUTS) \
	  --incremental Benchmarks/SiteBench/.build/release/site-bench --floor .build/cmark-floor \
	  $(if $(HUGO),--hugo $$(command -v hugo)) $(if $(filter related,$(HUGO)),--hugo-related)
