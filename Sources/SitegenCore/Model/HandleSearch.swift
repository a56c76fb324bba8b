import Foundation

/// Finds leaders' social handles in an article's text (DESIGN §2.2: a handle matches
/// case-insensitively), as `contains(handle:in:)` finds them in the lowercased text, but
/// deciding on the text's bytes wherever they can decide. Made once per build for its
/// handles, and used for every article whose leaders are inferred.
///
/// Lowercasing and Foundation's search are slow: about 200 µs to lowercase a 5 KB body (it is
/// not all ASCII) and 80 µs per handle searched. With 40 leaders with a handle each, the Model
/// stage of 10,000 articles took 3.5–3.8 s instead of 0.16 s. The bytes decide when they show
/// what Foundation would find:
/// - lowercasing makes ASCII out of no character but ASCII, U+0130 and U+212A, so a text with
///   neither holds a lowercased ASCII handle only where its bytes hold it, ASCII case aside
///   (a text with either is left to Foundation);
/// - Foundation's search matches canonically equivalent text, which for ASCII characters
///   means themselves, but for `;` and `` ` `` (also U+037E and U+1FEF), so a handle of
///   printable ASCII without those is found only where its bytes are (any other is left to
///   Foundation);
/// - where an occurrence touches a byte that is not ASCII (`occurrence(of:in:)`), whether
///   Foundation sees it is left to Foundation.
struct HandleSearch: Sendable {
    /// The handles (lowercased), each with its bytes when the bytes can decide.
    private let handles: [(handle: String, bytes: [UInt8]?)]

    init(_ handles: some Collection<String>) {
        self.handles = handles.map { handle in
            let bytes = Array(handle.utf8)
            let decidable = !bytes.isEmpty
                && bytes.allSatisfy { $0 &- 0x20 < 0x5F && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") }
            return (handle, decidable ? bytes : nil)
        }
    }

    /// The handles that `contains(handle:in:)` finds in `text.lowercased()`, in the order given.
    func handles(foundIn text: String) -> [String] {
        var found: [String] = []
        var undecided: [String] = []
        let decided = text.utf8.withContiguousStorageIfAvailable { text -> Bool in
            let capitalDotI: [UInt8] = [0xC4, 0xB0], kelvin: [UInt8] = [0xE2, 0x84, 0xAA]  // U+0130, U+212A
            guard Self.firstOccurrence(of: capitalDotI, in: text, from: 0) == nil,
                Self.firstOccurrence(of: kelvin, in: text, from: 0) == nil
            else { return false }
            for (handle, bytes) in handles {
                switch bytes.flatMap({ Self.occurrence(of: $0, in: text) }) {
                case true?: found.append(handle)
                case false?: break
                case nil: undecided.append(handle)
                }
            }
            return true
        }
        if decided != true { (found, undecided) = ([], handles.map(\.handle)) }
        guard !undecided.isEmpty else { return found }
        let lowered = text.lowercased()
        return found + undecided.filter { Self.contains(handle: $0, in: lowered) }
    }

    /// Whether `handle` occurs in `text` not followed by another handle character.
    static func contains(handle: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: handle, range: searchStart..<text.endIndex) {
            let next = text[range.upperBound...].first
            if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
            searchStart = range.upperBound
        }
        return false
    }

    /// Whether `needle` (lowercased printable ASCII) occurs in `text`, ASCII case aside, not
    /// followed by a letter, digit or `_`, looked for as `contains(handle:in:)` looks: after
    /// an occurrence followed by one, on from its end. Nil when an occurrence it looks at has
    /// a byte that is not ASCII just after it (a combining mark makes the next character
    /// another), or after the `_` that follows it (`_` with a mark is not `_`), or just before
    /// it (a precaution: for the characters the test tries there, Foundation finds it too).
    private static func occurrence(of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool? {
        var start = 0
        while let at = firstOccurrence(of: needle, in: text, from: start) {
            let end = at + needle.count
            if at > 0, text[at - 1] >= 0x80 { return nil }
            guard end < text.count else { return true }
            let next = text[end]
            if next >= 0x80 { return nil }
            let isHandleCharacter = (next | 0x20) &- 0x61 < 26 || next &- 0x30 < 10 || next == UInt8(ascii: "_")
            guard isHandleCharacter else { return true }
            if next == UInt8(ascii: "_"), end + 1 < text.count, text[end + 1] >= 0x80 { return nil }
            start = end
        }
        return false
    }

    /// Where `needle` first occurs in `text` from `start` on, an ASCII lowercase letter of it
    /// matching either case (any other byte matches itself).
    private static func firstOccurrence(of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = text.baseAddress, needle.count <= text.count - start else { return nil }
        func matches(_ byte: UInt8, _ wanted: UInt8) -> Bool {
            byte == wanted || (byte | 0x20 == wanted && wanted &- 0x61 < 26)
        }
        let first = needle[0]
        let last = text.count - needle.count
        var at = start
        while at <= last {
            if first &- 0x61 >= 26 {
                // Not a letter (a handle's `@`): `memchr` finds the candidates.
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return nil }
                at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            } else if !matches(text[at], first) {
                at += 1
                continue
            }
            if (1..<needle.count).allSatisfy({ matches(text[at + $0], needle[$0]) }) { return at }
            at += 1
        }
        return nil
    }
}
