import Testing
@testable import SitegenCore

/// Raw text titles are found in linear time: a first sentence of thousands of dashes made
/// `RawTitle.mainClause` count the words of every prefix anew (the raw text fuzzer's binary
/// took 41 s on 5,000 dashes and timed out on 300,000).
struct RawTitleComplexityTests {
    @Test func wordCountsMatchCountingEachPrefix() {
        let chars = Array("BREAKING: Kiel — said, “no” 3.5 % -- ok  \u{301}é  — ")
        let counts = RawTitle.wordCounts(chars)
        for end in 0...chars.count {
            let expected = String(chars[..<end]).split(whereSeparator: { $0.isWhitespace })
                .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
            #expect(counts[end] == expected, "prefix of \(end)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aSentenceOfManyDashesIsLinear() {
        // Every dash is a clause boundary with fewer than three words before it, so each is tried.
        let text = "date 2025-01-01 " + String(repeating: " — ", count: 100_000) + "."
        let outcome = RawTextParser().parse(SourceFile(path: "Content/articles/a.txt", text: text))
        #expect(outcome.value == nil)
        #expect(outcome.diagnostics.map(\.reason) == [.missingRawText])
        let titled = "date 2025-01-01 A " + String(repeating: "— ", count: 100_000) + "end of it."
        #expect(RawTextParser().parse(SourceFile(path: "Content/articles/b.txt", text: titled)).value != nil)
    }
}
