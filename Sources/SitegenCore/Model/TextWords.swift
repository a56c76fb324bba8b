/// The words of a text (`WordScanner.words(in:)`: runs of letters and digits) as UTF-8
/// offsets, each ASCII word with a hash of its bytes, so that a `PhraseMatcher` looks words
/// up without making and hashing a `Substring` for each. Split once, a text can be matched
/// against several phrase lists.
struct TextWords {
    /// One word: `text`'s UTF-8 bytes from `start` up to `end`.
    struct Span {
        var start: Int
        var end: Int
        /// `TextWords.hash` of the bytes when they are all ASCII; nil otherwise.
        var asciiHash: UInt64?
    }

    let text: String
    let spans: [Span]

    init(_ text: String) {
        self.text = text
        spans = WordScanner.withUTF8(of: text, Self.standaloneSpans) ?? Self.characterSpans(of: text)
    }

    /// Word `i` as text.
    func word(_ i: Int) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: spans[i].start)..<utf8.index(utf8.startIndex, offsetBy: spans[i].end)]
    }

    /// Whether the bytes of word `i` are `bytes`.
    func word(_ i: Int, is bytes: [UInt8]) -> Bool {
        let span = spans[i]
        guard span.end - span.start == bytes.count else { return false }
        let utf8 = text.utf8
        return utf8[utf8.index(utf8.startIndex, offsetBy: span.start)..<utf8.index(utf8.startIndex, offsetBy: span.end)]
            .elementsEqual(bytes)
    }

    /// FNV-1a: cheap to compute byte by byte while scanning; its high bits are well mixed.
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 { bytes.reduce(hashBasis, hash) }

    private static let hashBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    private static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The words of UTF-8 text by scalars; nil when a scalar is not standalone.
    static func standaloneSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [Span]? {
        var spans: [Span] = []
        // News prose has a word every six or seven bytes: room for them at once, instead of
        // the array growing (and being copied) six or seven times over a body.
        spans.reserveCapacity(bytes.count / 6 + 8)
        var start: Int?
        var hash = hashBasis
        var isASCII = true
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let isWord: Bool
            let length: Int
            if byte < 0x80 {
                (isWord, length) = (WordScanner.isASCIIWordByte(byte), 1)
            } else {
                let (scalar, scalarLength) = WordScanner.scalar(at: i, in: bytes)
                guard WordScanner.isStandalone(scalar) else { return nil }
                (isWord, length) = (WordScanner.isWordScalar(scalar), scalarLength)
            }
            if isWord {
                if start == nil { (start, hash, isASCII) = (i, hashBasis, true) }
                if length == 1 { hash = Self.hash(hash, byte) } else { isASCII = false }
            } else if let first = start {
                spans.append(Span(start: first, end: i, asciiHash: isASCII ? hash : nil))
                start = nil
            }
            i += length
        }
        if let first = start { spans.append(Span(start: first, end: i, asciiHash: isASCII ? hash : nil)) }
        return spans
    }

    /// The words of any text, split by `Character`.
    private static func characterSpans(of text: String) -> [Span] {
        let utf8 = text.utf8
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { word in
            let start = utf8.distance(from: utf8.startIndex, to: word.startIndex)
            let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
            return Span(start: start, end: start + word.utf8.count, asciiHash: isASCII ? hash(word.utf8) : nil)
        }
    }
}
