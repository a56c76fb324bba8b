import Foundation
import Testing

@testable import SitegenCore

/// Incremental builds of a site large enough for pagination, feeds and related-article windows
/// to matter, after seeded random edits, compared with fresh builds byte for byte.
struct SiteSessionCorpusTests {
    let project = TemporaryDirectory()
    let now = BuildOptions.unixTime(parsing: "2026-06-30")

    init() {
        FixtureSite.copy(
            FixtureSite.repositoryRoot.appendingPathComponent("Templates"),
            to: project.url.appendingPathComponent("Templates"))
        project.write("Content/site.yml", "title: Corpus\nbase_url: https://example.org/\nper_page: 3\n")
        for leader in ["ada", "bo", "cy", "di"] {
            project.write(
                "Content/leaders/\(leader).md",
                "---\nname: \(leader.capitalized) Lee\naliases: [\(leader.capitalized)]\n---\nBio.\n")
        }
        for topic in ["tax", "war", "oil"] {
            project.write(
                "Content/topics/\(topic).md",
                "---\nname: \(topic.capitalized)\nkeywords: [\(topic)]\n---\nAbout \(topic).\n")
        }
        for index in 0..<90 { writeArticle(index, title: "Story \(index)", body: "Body \(index) about tax.") }
    }

    func writeArticle(_ index: Int, title: String, body: String, day: Int? = nil, updated: String? = nil) {
        let leaders = ["ada", "bo", "cy", "di"].enumerated().filter { (index + $0.offset) % 3 != 0 }.map(
            \.element)
        let topics = ["tax", "war", "oil"].enumerated().filter { (index * 7 + $0.offset) % 2 == 0 }.map(
            \.element)
        let date = String(
            format: "2026-%02d-%02dT%02d:00:00Z", 1 + (day ?? index) / 28 % 6, 1 + (day ?? index) % 28,
            index % 24)
        let slug =
            (index % 4 == 3 ? "" : "\nslug: story-\(index)") + (updated.map { "\nupdated: \($0)" } ?? "")
        let front =
            index % 10 == 9
            ? "title: \(title)\ndate: \(date)\(slug)"  // leaders and topics inferred
            : "title: \(title)\ndate: \(date)\(slug)\nleaders: [\(leaders.joined(separator: ", "))]\ntopics: [\(topics.joined(separator: ", "))]"
        project.write(
            "Content/articles/a\(index).md",
            "---\n\(front)\n---\n\(body)\n\nAda and Bo spoke about oil and war.\n")
    }

    func expectSameAsFreshBuild(_ step: String) throws {
        let output = project.url.appendingPathComponent("Output")
        let fresh = project.url.appendingPathComponent("Fresh")
        try? FileManager.default.removeItem(at: fresh)
        _ = try SiteBuilder(options: BuildOptions(root: project.url, output: fresh, now: now)).build().get()
        let files = FixtureSite.files(in: output)
        #expect(files == FixtureSite.files(in: fresh), "\(step)")
        for path in files where path != Manifest.fileName {
            let got = FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
            let want = FileManager.default.contents(atPath: fresh.appendingPathComponent(path).path)
            #expect(got == want, "\(step): \(path)")
        }
    }

    @Test func randomEditsMatchFreshBuilds() throws {
        let session = SiteSession(options: BuildOptions(root: project.url, now: now))
        _ = try session.build().get()
        var random = SeededRandom(seed: 20_260_630)
        for step in 0..<10 {
            let index = random.next(below: 90)
            switch step % 4 {
            case 0:
                writeArticle(
                    index, title: "Story \(index) revised \(step)", body: "New body \(step) about war.")
            case 1:
                writeArticle(
                    index, title: "Story \(index)", body: "Body \(index) about tax.",
                    updated: "2026-06-2\(step % 10)")
            case 2:
                writeArticle(
                    index, title: "Story \(index)", body: "Body \(index) about tax.",
                    day: random.next(below: 150))
            default:
                try? FileManager.default.removeItem(
                    at: project.url.appendingPathComponent("Content/articles/a\(index).md"))
            }
            _ = try session.build().get()
            try expectSameAsFreshBuild("step \(step), article \(index)")
        }
    }

    /// As `serve` builds: told which files changed. Text edits take the edit build (no Load
    /// stage); every other change falls back to a full one; both match fresh builds.
    @Test func editsWithChangedPathsMatchFreshBuilds() throws {
        let session = SiteSession(options: BuildOptions(root: project.url, now: now))
        _ = try session.build().get()
        var random = SeededRandom(seed: 20_261_127)
        var days: [Int: Int] = [:]
        for step in 0..<16 {
            let drawn = random.next(below: 90)
            let index = drawn % 4 == 3 ? drawn - 1 : drawn  // every fourth article's slug comes from its title
            let path = project.url.appendingPathComponent("Content/articles/a\(index).md").path
            let isTextEdit = step % 4 != 3
            let day = days[index]  // text edits keep the date
            switch step % 4 {
            case 0: writeArticle(index, title: "Story \(index) revised \(step)", body: "Body \(index) about tax.", day: day)
            case 1: writeArticle(index, title: "Story \(index)", body: "Other words \(step) about tax, tax.", day: day)
            case 2: writeArticle(index, title: "Story \(index) again \(step)", body: "Body \(index) about tax.", day: day)
            default:
                days[index] = 100 + step
                writeArticle(index, title: "Story \(index)", body: "Body \(index) about tax.", day: 100 + step)
            }
            // An editor's temporary file, come and gone, does not stop the edit build.
            let vanished = project.url.appendingPathComponent("Content/articles/4913").path
            let report = try session.build(changed: [path, vanished]).get()
            #expect(report.stageTimes.contains { $0.stage == "Load" } == !isTextEdit, "step \(step)")
            try expectSameAsFreshBuild("step \(step), article \(index)")
        }
        // A broken edit fails as a full build would, writes nothing, and the fix catches up.
        let broken = project.url.appendingPathComponent("Content/articles/a10.md")
        project.write("Content/articles/a10.md", "---\ntitle: [unclosed\n---\nBody.\n")
        let output = project.url.appendingPathComponent("Output")
        let before = FixtureSite.files(in: output).map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }
        guard case .failure(let failure) = session.build(changed: [broken.path]) else {
            Issue.record("a broken article must fail the build")
            return
        }
        #expect(failure.errors.first?.location?.path == "Content/articles/a10.md")
        #expect(FixtureSite.files(in: output).map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) } == before)
        writeArticle(10, title: "Story 10 fixed", body: "Body 10 about tax.", day: days[10])
        let fixed = try session.build(changed: [broken.path]).get()
        #expect(fixed.stageTimes.contains { $0.stage == "Load" }, "after a failure the next build looks at every file")
        try expectSameAsFreshBuild("fixed")
        // An edit together with a folder of articles moved away, or with lost events: a full build.
        project.write("Content/articles/old/b1.md", "---\ntitle: Old\ndate: 2026-02-01T00:00:00Z\n---\nOld about oil.\n")
        _ = try session.build().get()
        let folder = project.url.appendingPathComponent("Content/articles/old")
        try FileManager.default.moveItem(at: folder, to: project.url.appendingPathComponent("moved-away"))
        writeArticle(11, title: "Story 11 moved along", body: "Body 11 about tax.", day: days[11])
        let eleven = project.url.appendingPathComponent("Content/articles/a11.md").path
        let moved = try session.build(changed: [eleven, folder.path]).get()
        #expect(moved.stageTimes.contains { $0.stage == "Load" }, "a vanished folder held articles")
        try expectSameAsFreshBuild("folder moved away")
        writeArticle(11, title: "Story 11 again", body: "Body 11 about tax.", day: days[11])
        let lost = try session.build(changed: [eleven, "(event queue overflowed)"]).get()
        #expect(lost.stageTimes.contains { $0.stage == "Load" }, "a note that is not a path is not an edit")
        try expectSameAsFreshBuild("events lost")
        // A file the session never saw: a full build.
        project.write("Content/articles/new.md", "---\ntitle: New\ndate: 2026-06-01T00:00:00Z\n---\nNew about oil.\n")
        let added = try session.build(changed: [project.url.appendingPathComponent("Content/articles/new.md").path]).get()
        #expect(added.stageTimes.contains { $0.stage == "Load" })
        try expectSameAsFreshBuild("added")
    }
}

/// A small deterministic generator (SplitMix64), so the test does the same edits every run.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
