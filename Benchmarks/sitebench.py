#!/usr/bin/env python3
"""sitegen's site benchmark: a deterministic news corpus and timed builds.

    python3 Benchmarks/sitebench.py --n 10000 --runs 5

generates (once per N, cached) bench-work/corpus-N/{Content,Templates}: N articles with
front matter, 1-3 of 40 leaders, 1-4 of 60 topics with a long-tailed popularity and
600-900-word CommonMark bodies (headings, lists, quotes, links), plus the leader and topic
files and the repository's Templates/. Then it runs `sitegen build` RUNS times into fresh
output folders, once more with nothing changed, and prints the median wall time, articles
per second, peak RSS (from /usr/bin/time -v) and the number of files written.

Article i is the same for every N (its text is seeded by i), so N=1,000 is a prefix of
N=10,000. Dates advance 53 minutes per article from 2020-01-01, newest last.

`--raw-share P` (`make bench RAW=P`) writes P% of the articles (spread evenly) as raw news
texts instead (`.txt`, DESIGN §2.3), in bench-work/corpus-N-rawP/: a `date` line, plain
paragraphs of 300-600 words whose title, leaders and topics sitegen derives, and in every
fourth one an embedded social post (announcement, author line, text with a picture link,
signature); only a `slug` is given in front matter, so that derived titles may repeat.

`--floor BINARY` runs the floor (Benchmarks/Floor/floor.c) after each cold build, and
`--hugo BINARY` Hugo on the same corpus (Benchmarks/Hugo/, copied to bench-work/hugo-site/
with the corpus's articles mounted as its content; `--hugo-related` adds related stories).

`make bench N=10000 RUNS=5` builds the release binary and runs this script; see
BENCHMARKS.md.
"""

import argparse
import datetime
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench-work")
CORPUS_VERSION = "2"  # 2: leaders have a social handle, and every tenth article names one

FIRST = ["Ada", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Gustavo", "Hana", "Ivan", "Jae",
         "Kofi", "Lucia", "Mateus", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sergei", "Tomoko"]
LAST = ["Almeida", "Brandt", "Castillo", "Dimitrov", "Eriksen", "Fujita", "Garcia", "Haddad",
        "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
        "Quispe", "Rahman", "Sato", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhou"]
ROLES = ["President", "Prime Minister", "Chancellor", "Foreign Minister", "Trade Minister",
         "Finance Minister", "King", "Governor"]
COUNTRIES = ["Arland", "Belmora", "Corvina", "Dastan", "Elbonia", "Fennick", "Galtria", "Heliport",
             "Istvania", "Jorvik", "Kalmar", "Lorvenia", "Marovia", "Nerith", "Ostria", "Pelagia",
             "Qadira", "Rovenia", "Sarnia", "Tavira"]
TOPIC_WORDS = ["tariffs", "soybeans", "rare earths", "fentanyl", "chips", "shipping", "steel",
               "energy", "grain", "fisheries", "pipelines", "sanctions", "currency", "debt",
               "climate", "vaccines", "satellites", "railways", "ports", "copper", "lithium",
               "cobalt", "wheat", "rice", "coffee", "cocoa", "textiles", "aircraft", "autos",
               "batteries", "solar panels", "wind farms", "nuclear power", "gas prices", "oil output",
               "migration", "border security", "cyber attacks", "elections", "the constitution",
               "press freedom", "water rights", "drought", "floods", "refugees", "peace talks",
               "arms control", "naval drills", "airspace", "the census", "pensions", "inflation",
               "interest rates", "the budget", "tourism", "student visas", "patents", "data privacy",
               "antitrust", "telecoms"]
VERBS = ["said", "warned", "argued", "signalled", "insisted", "conceded", "announced", "suggested",
         "repeated", "denied"]
WORDS = ("the of and to in a on for that with as by at from their its was were has have had "
         "officials talks minister government delegation agreement week month year deal plan "
         "trade market economy exports imports prices growth summit meeting visit statement "
         "policy security region border council committee report analysts observers envoy "
         "proposal framework negotiations partners allies rivals leaders ministers capital "
         "parliament vote budget industry farmers workers companies investors banks markets "
         "shipment cargo supply demand quota tariff duty ban limit review decision response "
         "pressure support concern criticism praise progress delay step move signal message "
         "early late new old first final major minor broad narrow public private formal "
         "quietly sharply slowly quickly firmly openly briefly again still already never").split()
CITIES = ["Geneva", "Vienna", "Singapore", "Nairobi", "Lima", "Oslo", "Doha", "Hanoi", "Lisbon",
          "Accra", "Seoul", "Quito", "Rabat", "Tbilisi", "Manila", "Bogota"]


def leaders_list():
    rng = random.Random(4040)
    leaders = []
    used = set()
    while len(leaders) < 40:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if (first, last) in used:
            continue
        used.add((first, last))
        country = COUNTRIES[len(leaders) % len(COUNTRIES)]
        role = rng.choice(ROLES)
        lid = f"{first}-{last}".lower()
        leaders.append({"id": lid, "name": f"{first} {last}", "last": last, "role": f"{role} of {country}",
                        "country": country, "aliases": [f"{first} {last}", f"{role} {last}"],
                        "handle": f"@{first}{last}"})
    return leaders


def topics_list():
    topics = []
    for word in TOPIC_WORDS:
        tid = re.sub(r"[^a-z0-9]+", "-", word.replace("the ", "").lower()).strip("-")
        name = word.replace("the ", "")
        topics.append({"id": tid, "name": name[0].upper() + name[1:], "keyword": word})
    return topics


def sentence(rng, extra=()):
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    for item in extra:
        words.insert(rng.randrange(len(words) + 1), item)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def body(rng, leaders, topics, index):
    """600-900 words of CommonMark: paragraphs, headings, a list, a quote, links."""
    target = rng.randint(600, 900)
    parts, count = [], 0
    names = [l["name"] for l in leaders]
    keywords = [t["keyword"] for t in topics]

    def paragraph():
        nonlocal count
        sentences = []
        for _ in range(rng.randint(3, 5)):
            extra = []
            if rng.random() < 0.4:
                extra.append(rng.choice(names))
            if rng.random() < 0.5:
                extra.append(rng.choice(keywords))
            if rng.random() < 0.15:
                extra.append(f"[{rng.choice(WORDS)} {rng.choice(WORDS)}](https://example.com/{index}/{rng.randint(1, 999)})")
            if rng.random() < 0.1:
                extra.append(f"*{rng.choice(WORDS)}*")
            s = sentence(rng, extra)
            sentences.append(s)
            count += len(s.split())
        return " ".join(sentences)

    parts.append(paragraph())
    while count < target:
        kind = rng.random()
        if kind < 0.12:
            heading = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))
            parts.append("## " + heading[0].upper() + heading[1:])
            count += 3
        elif kind < 0.22:
            items = []
            for _ in range(rng.randint(3, 5)):
                item = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10)))
                items.append(("- " if rng.random() < 0.6 else f"{len(items) + 1}. ") + item)
                count += len(item.split())
            parts.append("\n".join(items))
        elif kind < 0.30:
            quote = sentence(rng)
            parts.append(f"> “{quote}” {rng.choice(names)} {rng.choice(VERBS)} in {rng.choice(CITIES)}.")
            count += len(quote.split()) + 5
        else:
            parts.append(paragraph())
    return "\n\n".join(parts) + "\n"


def raw_text(rng, leaders, topics, index, when):
    """A raw news text: a `date` line and plain paragraphs, sometimes an embedded post."""
    names = [l["name"] for l in leaders]
    keywords = [t["keyword"] for t in topics]
    target, count, paragraphs = rng.randint(300, 600), 0, []
    while count < target:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            extra = [rng.choice(names)] if rng.random() < 0.5 else []
            if rng.random() < 0.5:
                extra.append(rng.choice(keywords))
            sentences.append(sentence(rng, extra))
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    lead = (f"{names[0]} {rng.choice(VERBS)} on {keywords[0]} in {rng.choice(CITIES)} on {when.strftime('%A')}, "
            f"as talks on {keywords[-1]} entered a {rng.choice(['second', 'third', 'final', 'new'])} round.")
    if index % 4 == 3:
        leader = leaders[0]
        day = when.strftime("%b %-d, %Y")
        post = (f"( {leader['handle']} – Social Post )\n\n"
                f"( {leader['name']} – {day}, {when.strftime('%-I:%M %p')} UTC ) {sentence(rng, [keywords[0]])} "
                f"pic.twitter.com/P{index}x{rng.randint(100, 999)} — {leader['name']} ({leader['handle']}) "
                f"{when.strftime('%B %-d, %Y')}")
        paragraphs.insert(min(2, len(paragraphs)), post)
    return f"date {when.strftime('%Y-%m-%d')} {lead}\n\n" + "\n\n".join(paragraphs) + "\n"


def weighted_sample(rng, items, weights, k):
    chosen = []
    while len(chosen) < k:
        pick = rng.choices(items, weights=weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def generate(n, folder, raw_share=0):
    content = os.path.join(folder, "Content")
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(os.path.join(content, "leaders"))
    os.makedirs(os.path.join(content, "topics"))
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write("title: The Bench Desk\ndescription: A generated news archive for benchmarks.\n"
                "base_url: https://example.org/\nlanguage: en\npublisher: The Bench Desk\nper_page: 10\n")
    leaders, topics = leaders_list(), topics_list()
    for l in leaders:
        with open(os.path.join(content, "leaders", l["id"] + ".md"), "w") as f:
            aliases = ", ".join(l["aliases"])
            f.write(f"---\nname: {l['name']}\nrole: {l['role']}\ncountry: {l['country']}\n"
                    f"aliases: [{aliases}]\nhandles: [\"{l['handle']}\"]\n---\n## Profile\n\n{l['name']} is the {l['role']}. "
                    + sentence(random.Random(l["id"])) + "\n\n## In office\n\n" + sentence(random.Random(l["name"])) + "\n")
    for t in topics:
        with open(os.path.join(content, "topics", t["id"] + ".md"), "w") as f:
            f.write(f"---\nname: {t['name']}\nkeywords: [{t['keyword']}]\n---\n## The issue\n\n"
                    f"Everything about {t['keyword']}. " + sentence(random.Random(t["id"])) + "\n")
    topic_weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(topics))]
    leader_weights = [1.0 / (rank + 1) ** 0.6 for rank in range(len(leaders))]
    start = datetime.datetime(2020, 1, 1, 6, 0)
    for i in range(n):
        rng = random.Random(i * 7919 + 17)
        these_leaders = weighted_sample(rng, leaders, leader_weights, rng.randint(1, 3))
        these_topics = weighted_sample(rng, topics, topic_weights, rng.randint(1, 4))
        when = start + datetime.timedelta(minutes=53 * i)
        title = (f"{these_leaders[0]['name']} {rng.choice(VERBS)} on {these_topics[0]['keyword']} "
                 f"as {rng.choice(WORDS)} {rng.choice(WORDS)} talks open in {rng.choice(CITIES)}")
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") + f"-{i}"
        lines = ["---", f"title: {title}", f"date: {when.strftime('%Y-%m-%dT%H:%M:00')}+00:00"]
        if i % 5 != 4:  # every fifth article leaves leaders and topics to inference
            lines.append("leaders: [" + ", ".join(l["id"] for l in these_leaders) + "]")
            lines.append("topics: [" + ", ".join(t["id"] for t in these_topics) + "]")
        lines.append(f"slug: {slug}")
        if i % 3 == 0:
            lines.append(f"author: {rng.choice(FIRST)} {rng.choice(LAST)}")
        if i % 7 == 0:
            lines.append(f"source: {{name: Wire {i % 11}, url: \"https://wire.example/{i}\"}}")
        if i % 13 == 0:
            lines.append(f"updated: {(when + datetime.timedelta(days=1)).strftime('%Y-%m-%d')}")
        lines.append("---")
        folder_year = os.path.join(content, "articles", str(when.year), f"{when.month:02d}")
        os.makedirs(folder_year, exist_ok=True)
        if raw_share and (i * raw_share) // 100 != ((i + 1) * raw_share) // 100:  # raw_share of every 100
            with open(os.path.join(folder_year, f"{i:06d}-{slug}.txt"), "w") as f:
                f.write(f"---\nslug: {slug}\n---\n" + raw_text(rng, these_leaders, these_topics, i, when))
            continue
        mentions = " and ".join(l["name"] for l in these_leaders)
        lead = (f"{mentions} discussed {these_topics[0]['keyword']} and {these_topics[-1]['keyword']} "
                f"on {when.strftime('%A')}, as {these_topics[0]['keyword']} and {these_topics[-1]['keyword']} "
                "dominated the agenda.")
        text = "\n".join(lines) + "\n" + lead + "\n\n" + body(rng, these_leaders, these_topics, i)
        if i % 10 == 9:  # one of every two articles left to inference names a leader's handle
            text += f"\nA post by {these_leaders[0]['handle']} was shared widely.\n"
        with open(os.path.join(folder_year, f"{i:06d}-{slug}.md"), "w") as f:
            f.write(text)
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(folder, "Templates"))
    with open(os.path.join(folder, ".complete"), "w") as f:
        f.write(CORPUS_VERSION + "\n")


def corpus(n, raw_share=0):
    folder = os.path.join(WORK, f"corpus-{n}" + (f"-raw{raw_share}" if raw_share else ""))
    marker = os.path.join(folder, ".complete")
    if not (os.path.exists(marker) and open(marker).read().strip() == CORPUS_VERSION):
        print(f"Generating {n} articles in {os.path.relpath(folder, ROOT)}/ …", flush=True)
        generate(n, folder, raw_share)
    else:
        # Templates may have changed since the corpus was made.
        shutil.rmtree(os.path.join(folder, "Templates"))
        shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(folder, "Templates"))
    # sitegen trusts build stamps only for inputs unchanged for a second (whole seconds) before
    # the recording build began (README, "Performance"): without this pause, five short builds
    # (N=1,000) could all start within two seconds of the copy, and the no-change rebuild
    # would then rightly run in full.
    time.sleep(2.1)
    return folder


def timed(command, name):
    """One run of `command` under /usr/bin/time -v: (wall seconds, peak RSS in MB, (user,
    system) CPU seconds, its stdout); exits naming `name` when it fails."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{name} failed with exit code {result.returncode}")
    report = result.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", report)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
    user, system = (float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", report).group(1))
                    for kind in ("User", "System"))
    return seconds, rss, (user, system), result.stdout.strip()


def timed_build(binary, folder, output):
    """One `sitegen build` of `folder` into `output` (`timed`)."""
    return timed([binary, "build", "--root", folder, "--output", output, "--now", "2026-01-01"], "sitegen build")


def timed_floor(binary, folder, output):
    """One run of the floor program on `folder`'s articles (`timed`)."""
    return timed([binary, os.path.join(folder, "Content", "articles"), output], "the floor")


def hugo_site(folder, related):
    """A copy of Benchmarks/Hugo/ in bench-work/hugo-site/ whose content is `folder`'s articles
    (a module mount of Content/articles/), with or without related stories; its path."""
    site = os.path.join(WORK, "hugo-site")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "Benchmarks", "Hugo"), site)
    config = os.path.join(site, "hugo.toml")
    with open(config) as f:
        text = f.read()
    if related:
        text = text.replace("related = false", "related = true", 1)
    articles = os.path.join(os.path.abspath(folder), "Content", "articles")
    text += f'\n[[module.mounts]]\nsource = "{articles}"\ntarget = "content/articles"\n'
    with open(config, "w") as f:
        f.write(text)
    return site


def timed_hugo(binary, site, output):
    """One `hugo` build of `site` into `output` (`timed`)."""
    return timed([binary, "--source", site, "--destination", output, "--quiet"], "hugo")


def hugo_version(binary):
    """`hugo version`'s version, e.g. "v0.111.3"."""
    words = subprocess.run([binary, "version"], capture_output=True, text=True).stdout.split()
    return next((word.split("+")[0].split("-")[0] for word in words if word.startswith("v0.")), "hugo")


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="articles in the corpus")
    parser.add_argument("--runs", type=int, default=5, help="cold builds to time")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "sitegen"))
    parser.add_argument("--incremental", default=None, help="the site-bench binary, to time an incremental rebuild")
    parser.add_argument("--outputs", default=WORK,
                        help="where the output folders go (default bench-work/; /dev/shm/… leaves the disk out)")
    parser.add_argument("--raw-share", type=int, default=0, choices=range(0, 101), metavar="PERCENT",
                        help="write this share of the articles as raw news texts (default 0)")
    parser.add_argument("--floor", default=None,
                        help="the cmark-floor binary (Benchmarks/Floor/floor.c), run after each cold build")
    parser.add_argument("--hugo", default=None,
                        help="a hugo binary: build the same corpus with Benchmarks/Hugo/ after each cold build")
    parser.add_argument("--hugo-related", action="store_true",
                        help="with --hugo: related stories on Hugo's article pages too (slow: see BENCHMARKS.md)")
    parser.add_argument("--generate-only", action="store_true")
    args = parser.parse_args()

    if args.hugo and args.raw_share:
        parser.error("--hugo compares the Markdown corpus only: Hugo does not read raw news texts (.txt)")
    folder = corpus(args.n, args.raw_share)
    if args.generate_only:
        return
    # ext4 without a journal (as on this machine) skips recently freed inodes when it allocates
    # new ones, one by one (`recently_deleted()` in fs/ext4/ialloc.c: freed less than 60 s ago,
    # or 300 s while their inode table block is not yet written back): creating 30,000 files
    # right after deleting 30,000 costs seconds of kernel time. So old outputs are deleted first
    # and written back (`sync`), and the first run waits until 61 s have passed since the last
    # deletion by this script (recorded in bench-work/.last-delete, since the end of each
    # series deletes its outputs too); each run writes into a fresh folder.
    outputs = os.path.abspath(args.outputs)
    os.makedirs(outputs, exist_ok=True)
    remove_outputs(args.n, outputs)
    # The wait is for the disk of bench-work/ (ext4 here); another file system (tmpfs) has no such penalty.
    on_work_disk = os.stat(outputs).st_dev == os.stat(WORK).st_dev
    wait = last_delete() + DELETE_QUIET - time.time() if on_work_disk else 0
    if wait > 0:
        print(f"Waiting {wait:.0f} s after the last deletion of outputs (see the comment in sitebench.py) …", flush=True)
        time.sleep(wait)
    print(f"Load before: {load()} (nproc {os.cpu_count()})", flush=True)
    walls, rsss, cpus, systems, floors = [], [], [], [], []
    hugo_walls, hugo_rsss, hugo_cpus = [], [], []
    site = hugo_site(folder, args.hugo_related) if args.hugo else None
    output = floor_output = hugo_output = None
    for run in range(args.runs):
        if output and not on_work_disk:
            # Elsewhere (tmpfs) the run before's output goes first: a tmpfs that still holds earlier
            # runs' files slows the kernel's part of the next build (at 50,000 articles, system time
            # 5.5 → 10.3 → 12.1 s with none, one and two earlier outputs kept; user time the same).
            shutil.rmtree(output, ignore_errors=True)
            if floor_output:
                shutil.rmtree(floor_output, ignore_errors=True)
            if hugo_output:
                shutil.rmtree(hugo_output, ignore_errors=True)
        output = os.path.join(outputs, f"out-{args.n}-{run}")
        wall, rss, cpu, summary = timed_build(args.binary, folder, output)
        walls.append(wall)
        rsss.append(rss)
        cpus.append(sum(cpu))
        systems.append(cpu[1])
        # The kernel's part (system time) is given apart: on this VM it is what varies most.
        print(f"  cold build {run + 1}: {wall:.2f} s wall, {sum(cpu):.2f} s CPU ({cpu[1]:.2f} s system), "
              f"{rss:.0f} MB  ({summary})", flush=True)
        if args.floor:
            # The floor right after each build, in the same minute of the VM (BENCHMARKS.md, "The
            # floor"); its run before's output went with the build's, at the top of the loop.
            floor_output = os.path.join(outputs, f"floor-{args.n}-{run}")
            floor, _, floor_cpu, floor_summary = timed_floor(args.floor, folder, floor_output)
            floors.append(floor)
            print(f"  floor {run + 1}: {floor:.2f} s wall, {sum(floor_cpu):.2f} s CPU ({floor_cpu[1]:.2f} s system)  "
                  f"({floor_summary}); the build took {wall / floor:.1f}× as long", flush=True)
        if args.hugo:
            # Hugo on the same corpus, in the same minute too (BENCHMARKS.md, "Against Hugo").
            hugo_output = os.path.join(outputs, f"hugo-{args.n}-{run}")
            hugo_wall, hugo_rss, hugo_cpu, _ = timed_hugo(args.hugo, site, hugo_output)
            hugo_walls.append(hugo_wall)
            hugo_rsss.append(hugo_rss)
            hugo_cpus.append(sum(hugo_cpu))
            print(f"  hugo {run + 1}: {hugo_wall:.2f} s wall, {sum(hugo_cpu):.2f} s CPU ({hugo_cpu[1]:.2f} s system), "
                  f"{hugo_rss:.0f} MB, {count_files(hugo_output)} files; sitegen took {wall / hugo_wall:.2f}× as long",
                  flush=True)
    files = count_files(output)
    again, again_rss, again_cpu, again_summary = timed_build(args.binary, folder, output)
    print(f"  no-change rebuild: {again:.2f} s wall, {sum(again_cpu):.2f} s CPU, {again_rss:.0f} MB  ({again_summary})",
          flush=True)
    median = statistics.median(walls)
    print(f"Load after: {load()}")
    print()
    print(f"N={args.n}: median cold build {median:.2f} s (min {min(walls):.2f}, max {max(walls):.2f}), "
          f"{args.n / median:,.0f} articles/s, {1e6 * median / args.n:.0f} µs/article, "
          f"CPU (user+sys) {statistics.median(cpus):.2f} s (sys {statistics.median(systems):.2f} s), "
          f"peak RSS {statistics.median(rsss):.0f} MB (max {max(rsss):.0f}), {files} files; "
          f"no-change rebuild {again:.2f} s")
    if floors:
        print(f"Floor (libcmark alone, two threads): median {statistics.median(floors):.2f} s; "
              f"the median build took {median / statistics.median(floors):.1f}× the median floor")
    if hugo_walls:
        hugo_median = statistics.median(hugo_walls)
        print(f"Hugo ({hugo_version(args.hugo)}{', with related stories' if args.hugo_related else ''}): "
              f"median {hugo_median:.2f} s, CPU {statistics.median(hugo_cpus):.2f} s, "
              f"peak RSS {statistics.median(hugo_rsss):.0f} MB; sitegen's median build took "
              f"{median / hugo_median:.2f}× Hugo's ({hugo_median / median:.1f}× faster)")
    if args.incremental and args.raw_share == 100:
        print("  (no incremental rebuild: it edits the title line of a Markdown article, and there is none)")
    elif args.incremental:
        result = subprocess.run([args.incremental, "--root", folder, "--output", output, "--now", "2026-01-01"],
                                capture_output=True, text=True)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
    remove_outputs(args.n, outputs)


DELETE_QUIET = 61  # seconds after deleting files before ext4 stops skipping their inodes
DELETE_STAMP = os.path.join(WORK, ".last-delete")


def last_delete():
    """When this script last deleted outputs (0 if never)."""
    try:
        with open(DELETE_STAMP) as stamp:
            return float(stamp.read().strip() or 0)
    except (OSError, ValueError):
        return 0.0


def remove_outputs(n, outputs):
    """Deletes the output folders of earlier runs in `outputs`, noting when; returns whether there were any."""
    found = False
    if os.path.isdir(outputs):
        for name in os.listdir(outputs):
            if name.startswith((f"out-{n}-", f"inc-{n}", f"floor-{n}-", f"hugo-{n}-")):
                shutil.rmtree(os.path.join(outputs, name), ignore_errors=True)
                found = True
    if found and os.stat(outputs).st_dev == os.stat(WORK).st_dev:
        os.sync()  # inode table blocks written back: the 60 s window applies, not the 300 s one
        with open(DELETE_STAMP, "w") as stamp:
            stamp.write(f"{time.time()}\n")
    return found


if __name__ == "__main__":
    main()
