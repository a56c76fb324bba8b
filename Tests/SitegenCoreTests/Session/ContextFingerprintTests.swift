import Foundation
import Testing
import TemplateEngine

@testable import SitegenCore

/// A page is rendered again only when its context's fingerprint changed: any change in the
/// context must change it, and nothing but a change may.
struct ContextFingerprintTests {
    static func page(title: String, items: [TemplateValue]) -> TemplateValue {
        ["page": ["title": .string(title), "count": .int(items.count)], "items": .list(items)]
    }

    static func item(_ title: String, date: String = "2026-01-01") -> TemplateValue {
        .shared(TemplateSharedValue(["title": .string(title), "date": .string(date), "leaders": ["Xi", "Trump"]]))
    }

    @Test func equalContextsHaveEqualFingerprintsWhateverTheKeyOrder() {
        let one: TemplateValue = ["a": 1, "b": ["x": "y", "z": .null], "c": [1.5, true]]
        let other: TemplateValue = ["c": [1.5, true], "b": ["z": .null, "x": "y"], "a": 1]
        #expect(ContextFingerprint(one) == ContextFingerprint(other))
        #expect(ContextFingerprint(Self.page(title: "T", items: [Self.item("A")]))
            == ContextFingerprint(Self.page(title: "T", items: [Self.item("A")])))
    }

    /// Text given as UTF-8 (a body's HTML) is fingerprinted as the same text given as a String.
    @Test func utf8TextHasTheFingerprintOfTheString() {
        #expect(ContextFingerprint(["html": .utf8(Array("<p>é</p>".utf8))]) == ContextFingerprint(["html": "<p>é</p>"]))
        #expect(ContextFingerprint(["html": .utf8(Array("<p>e</p>".utf8))]) != ContextFingerprint(["html": "<p>é</p>"]))
    }

    /// A change anywhere, down to a shared item's list, changes it; so do a value's kind
    /// and a string's bytes (no Unicode normalization).
    @Test func anyChangeChangesIt() {
        let base = ContextFingerprint(Self.page(title: "T", items: [Self.item("A"), Self.item("B")]))
        let changed = [
            Self.page(title: "U", items: [Self.item("A"), Self.item("B")]),
            Self.page(title: "T", items: [Self.item("A"), Self.item("C")]),
            Self.page(title: "T", items: [Self.item("B"), Self.item("A")]),
            Self.page(title: "T", items: [Self.item("A"), Self.item("B", date: "2026-01-02")]),
            Self.page(title: "T", items: [Self.item("A")]),
            .list([Self.page(title: "T", items: [Self.item("A"), Self.item("B")])]),
        ]
        for context in changed { #expect(ContextFingerprint(context) != base) }
        #expect(ContextFingerprint(["a": 1]) != ContextFingerprint(["a": "1"]))
        #expect(ContextFingerprint(["a": 1]) != ContextFingerprint(["a": 1.0]))
        #expect(ContextFingerprint(["a": .null]) != ContextFingerprint([:]))
        #expect(ContextFingerprint(["a": "é"]) != ContextFingerprint(["a": "e\u{301}"]))
        #expect(ContextFingerprint(["a": ["b": "c"]]) != ContextFingerprint(["a": ["b": "c", "d": .null]]))
    }

    /// With a memo, a shared value is digested once however many pages and lists show it, and
    /// the fingerprints are those made without one.
    @Test func aMemoDigestsEachSharedValueOnceAndChangesNothing() {
        let items = [Self.item("A"), Self.item("B")]
        let pages = (0..<50).map { Self.page(title: "Page \($0)", items: items + items) }
        let memo = SharedDigests()
        let remembered = pages.concurrentMap { ContextFingerprint($0, memo: memo) }
        #expect(remembered == pages.map { ContextFingerprint($0) })
        // Threads that ask for an item at once may each make it: at most one per core.
        #expect(memo.madeCount >= 2 && memo.madeCount <= 2 * ProcessInfo.processInfo.activeProcessorCount)
        #expect(Set(remembered).count == 50)
        let again = SharedDigests()
        _ = pages.map { ContextFingerprint($0, memo: again) }
        #expect(again.madeCount == 2)
    }
}
