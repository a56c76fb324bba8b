# sitegen — common tasks. `make site` builds the sample site, `make test` runs every test.
SWIFT ?= swift

.PHONY: site test deps bench bench-templates validate clean

deps:
	@pkg-config --exists libcmark || { \
	  echo "Installing libcmark-dev (the CommonMark reference library)…"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libcmark-dev; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libcmark-dev; fi; }

site: deps
	$(SWIFT) build -c release --product sitegen
	.build/release/sitegen build
	@echo "Open Output/index.html, or serve it: python3 -m http.server -d Output 8000"

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

# The site benchmark (BENCHMARKS.md): a generated N-article corpus, RUNS cold builds into
# fresh folders, a no-change rebuild and an incremental one. `make bench N=50000 RUNS=3`.
N ?= 10000
RUNS ?= 5
bench: deps
	$(SWIFT) build -c release --product sitegen
	$(SWIFT) build -c release --package-path Benchmarks/SiteBench --product site-bench
	python3 Benchmarks/sitebench.py --n $(N) --runs $(RUNS) --incremental Benchmarks/SiteBench/.build/release/site-bench
