import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing
@testable import SitegenCore

/// Raw bodies past the kept budget are written to a spill and read back (`BodySpill`,
/// `ArticleBody`): the same HTML and Markdown, from any number of threads at once.
struct BodySpillTests {
    let raw = """
        date 2026-02-14 Prime Minister Anna Berg said the bridge would reopen on Monday.

        ( @AnnaBergPM – Social Post )

        ( Anna Berg – Feb 14, 2026, 10:05 AM CET ) A good call with President Kiel — “frank” & <useful>. pic.twitter.com/Qw8Er7Ty6U — Norland Politics Feed (@norlandpolfeed) February 14, 2026

        Traders said cod futures fell 3 percent. Ünïcödé 👍🏽 text.

        """

    /// A spill in the system's temporary folder.
    func temporarySpill() throws -> BodySpill {
        try #require(BodySpill(folder: FileManager.default.temporaryDirectory.path))
    }

    func parse(budget: KeptHTML.Budget?, spill: BodySpill?) throws -> ArticleBody {
        let file = SourceFile(path: "Content/articles/a.txt", text: raw)
        return try #require(RawTextParser(keptHTML: budget, spill: spill).parse(file).value).articleBody
    }

    @Test func textsComeBackAsWrittenFromManyThreads() throws {
        let spill = try temporarySpill()
        let texts = (0..<2_000).map { index in
            String(repeating: "é\(index) <p>&</p> 👍🏽\n", count: index % 7) + (index % 5 == 0 ? "" : "end \(index)")
        }
        let ranges = texts.concurrentMap { spill.write([$0, $0 + "!"]) }
        for (text, written) in zip(texts, ranges) {
            let written = try #require(written)
            #expect(spill.read(written[0]) == text && spill.read(written[1]) == text + "!")
        }
        #expect(spill.size == texts.reduce(0) { $0 + 2 * $1.utf8.count + 1 })
    }

    @Test func aRawBodyPastTheBudgetIsSpilledAndReadsTheSame() throws {
        let kept = try parse(budget: nil, spill: nil)
        let stillKept = try parse(budget: KeptHTML.Budget(), spill: try temporarySpill())
        let spilled = try parse(budget: KeptHTML.Budget(bytes: 0), spill: try temporarySpill())
        #expect(!kept.isSpilled && !stillKept.isSpilled && spilled.isSpilled)
        let contents = try kept.contentsText()
        #expect(contents.html.contains("<figure class=\"post\">") && contents.markdown.contains("&"))
        #expect(try spilled.contentsText() == contents && spilled.contents() == kept.contents())
        #expect(try spilled.html() == contents.html && spilled.markdown() == contents.markdown)
        #expect(spilled.fingerprint == kept.fingerprint)
        #expect(spilled.hasSameSource(as: kept) && kept.hasSameSource(as: spilled) && spilled.hasSameSource(as: spilled))
    }

    @Test func aBudgetKeepsBodiesUntilItIsSpent() throws {
        let size = try parse(budget: nil, spill: nil).contents()
        let bytes = size.html.count + size.markdown.count
        let budget = KeptHTML.Budget(bytes: bytes * 2)
        let spill = try temporarySpill()
        let bodies = try (0..<3).map { _ in try parse(budget: budget, spill: spill) }
        #expect(bodies.map(\.isSpilled) == [false, false, true])
        #expect(spill.size == bytes)
    }

    /// A full disk loses nothing: what could not be written is kept in memory instead.
    @Test func onAFullDiskBodiesAreKeptInMemory() throws {
        let spill = BodySpill(descriptor: open("/dev/full", O_RDWR))
        #expect(spill.write(["text"]) == nil)
        let body = try parse(budget: KeptHTML.Budget(bytes: 0), spill: spill)
        #expect(!body.isSpilled)
        #expect(try body.contents() == parse(budget: nil, spill: nil).contents())
    }

    /// A spill that cannot be read back is an error at the article's path, with a hint (a
    /// build that fails at Render writes nothing: `StreamedWriteTests`, `BodyReadAgainTests`).
    @Test func aBodyThatCannotBeReadBackIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        unlink(path)
        let spill = BodySpill(descriptor: descriptor)
        let body = try parse(budget: KeptHTML.Budget(bytes: 0), spill: spill)
        #expect(body.isSpilled)
        do throws(SitegenError) {
            _ = try body.contents()
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "Content/articles/a.txt:1:1: error: cannot read file: its body, put in a temporary file in .sitegen/, "
                    + "could not be read back (hint: check the project's disk, then build again)")
        }
    }
}
