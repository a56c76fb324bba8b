import Foundation

/// Folds text into search terms, exactly as `Templates/assets/search.js` does in the browser,
/// so a term typed by a reader meets the term written into the index.
///
/// Folding: NFKC (styled letters such as 𝘚𝘵𝘺𝘭𝘦𝘥 and full-width letters become plain), then
/// NFD with every nonspacing mark removed (Erdoğan → Erdogan), then lowercase, then a few
/// letters that have no decomposition are spelled out (`foldedLetters`: ß → ss, ł → l, ı → i,
/// final ς → σ), then NFC. A term is a run of letters, digits and marks of the folded text,
/// cut to `maxLength` characters; terms shorter than `minLength` and `stopwords` are dropped.
enum SearchFolding {
    /// Terms shorter than this many Unicode scalars are not indexed.
    static let minLength = 2
    /// Longer terms are cut to this many Unicode scalars.
    static let maxLength = 32

    /// Letters that lowercasing and decomposition leave alone, and what they fold to.
    /// The browser side holds the same table.
    static let foldedLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "ħ": "h",
        "þ": "th", "ς": "σ",
    ]

    /// English words too common to search for. Written into `search/meta.json`, so the browser
    /// drops exactly the same words from a query.
    static let stopwords: [String] = [
        "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in",
        "into", "is", "it", "its", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were",
        "what", "when", "which", "while", "who", "will", "with", "would", "you",
    ]

    private static let stopwordSet = Set(stopwords)

    /// The folded form of `text`: `Erdoğan` → `erdogan`, `𝘚𝘵𝘺𝘭𝘦𝘥` → `styled`.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // Folding never joins across a space, so long texts are folded a piece at a time and
        // only the pieces that are not ASCII take the slow path.
        guard text.utf8.count >= 64 else { return foldUnicode(text) }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { piece in
            piece.utf8.allSatisfy({ $0 < 0x80 }) ? piece.lowercased() : foldUnicode(String(piece))
        }.joined(separator: " ")
    }

    /// The folding steps themselves, for text that is not plain ASCII.
    private static func foldUnicode(_ text: String) -> String {
        let decomposed = text.precomposedStringWithCompatibilityMapping.decomposedStringWithCanonicalMapping
        var stripped = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            stripped.append(scalar)
        }
        var folded = ""
        for scalar in String(stripped).lowercased().unicodeScalars {
            if let replacement = foldedLetters[scalar] { folded += replacement } else { folded.unicodeScalars.append(scalar) }
        }
        return folded.precomposedStringWithCanonicalMapping
    }

    /// The runs of letters, digits and marks in already folded text, cut to `maxLength`,
    /// without filtering. Works on the UTF-8 bytes: ASCII is classified directly, other
    /// scalars by their general category.
    static func words(inFolded folded: String) -> [String] {
        var text = folded
        return text.withUTF8 { bytes in
            var words: [String] = []
            var start = -1, cut = 0, length = 0, index = 0
            while index < bytes.count {
                let (scalar, width) = decode(bytes, at: index)
                if isWordScalar(scalar) {
                    if start < 0 { (start, length) = (index, 0) }
                    length += 1
                    if length <= maxLength { cut = index + width }
                } else if start >= 0 {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self))
                    start = -1
                }
                index += width
            }
            if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self)) }
            return words
        }
    }

    /// The scalar that starts at `index` of valid UTF-8, and its width in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (width + 1))
        for offset in 1..<width { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// The searchable terms of `text`, in order, with repeats: folded, split, cut, and without
    /// short words and stopwords.
    static func terms(in text: String) -> [String] {
        struct List: SearchTermSink {
            var terms: [String] = []
            mutating func take(ascii term: UnsafeBufferPointer<UInt8>, low: UInt64, high: UInt64) {
                terms.append(String(decoding: term, as: UTF8.self))
            }
            mutating func take(other term: String) { terms.append(term) }
        }
        var list = List()
        var text = text
        text.withUTF8 { forEachTerm(inUTF8: $0, into: &list) }
        return list.terms
    }

    /// Hands `sink` each searchable term of the text whose valid UTF-8 is `bytes`, in order,
    /// with repeats: the same terms as `words(inFolded: fold(text)).filter(isSearchable)`, found
    /// faster (plus the ASCII stopwords, for a sink that `dropsStopwords` itself). (Generic, so
    /// that the sink's code is compiled into the loop: with closures, each of a build's seven
    /// million words cost an indirect call.)
    ///
    /// Folding works scalar by scalar, apart from marks (which it removes) joining the letter
    /// before them; so it never joins across an ASCII byte that is not a letter or digit, nor
    /// across the punctuation of `isSeparator`. The text is cut there into pieces: an ASCII piece
    /// is one word, lowercased in place; only a piece with other scalars is folded by
    /// `foldUnicode` and split by `words`.
    static func forEachTerm<Sink: SearchTermSink>(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink
    ) {
        let longestStopword = longestStopword
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { lowered in
            asciiWordBytes.withUnsafeBufferPointer { isWordByte in
                stopwordTable.withUnsafeBufferPointer { stopwords in
                    do {
                        func piece(_ start: Int, _ end: Int, isASCII: Bool) {
                            if isASCII {
                                guard end &- start >= minLength else { return }
                                let length = min(end &- start, maxLength)
                                let (low, high) = PackedASCII.lowercased(bytes, from: start, count: length, into: lowered)
                                if Sink.dropsStopwords || length > longestStopword || !isStopword(low, in: stopwords) {
                                    sink.take(
                                        ascii: UnsafeBufferPointer(rebasing: lowered[0..<length]), low: low, high: high)
                                }
                            } else {
                                let folded = foldUnicode(
                                    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                                for word in words(inFolded: folded) where isSearchable(word) { sink.take(other: word) }
                            }
                        }
                        guard let base = bytes.baseAddress else { return }
                        let count = bytes.count
                        var index = 0
                        var inPiece = false, pieceStart = 0, pieceIsASCII = true
                        while index < count {
                            // Sixty-four ASCII bytes at a time: their letters and digits as one
                            // bit each, and each word's ends found by counting zero bits.
                            if index &+ 64 <= count {
                                // (The letters are found before the block is known to be
                                // ASCII; a block that is not is taken by the paths below.)
                                let block = UnsafeRawPointer(base + index)
                                var high: UInt64 = 0, letters: UInt64 = 0
                                for offset in stride(from: 0, to: 64, by: 8) {
                                    let word = block.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                                    high |= word
                                    letters |= PackedASCII.byteBits(PackedASCII.lettersAndDigits(word)) &<< UInt64(offset)
                                }
                                if high & PackedASCII.highBits == 0 {
                                    var position = 0
                                    if inPiece {
                                        let stops = ~letters
                                        if stops == 0 { index &+= 64; continue }
                                        position = stops.trailingZeroBitCount
                                        piece(pieceStart, index &+ position, isASCII: pieceIsASCII)
                                        inPiece = false
                                    }
                                    while position < 64 {
                                        let starts = letters & (~0 &<< UInt64(position))
                                        guard starts != 0 else { break }
                                        let start = starts.trailingZeroBitCount
                                        let stops = ~letters & (~0 &<< UInt64(start))
                                        guard stops != 0 else {
                                            (inPiece, pieceStart, pieceIsASCII) = (true, index &+ start, true)
                                            break
                                        }
                                        position = stops.trailingZeroBitCount
                                        piece(index &+ start, index &+ position, isASCII: true)
                                    }
                                    index &+= 64
                                    continue
                                }
                            }
                            // Eight ASCII bytes at a time: the letters and digits among them found
                            // at once, and the piece boundaries by counting zero bits.
                            if index &+ 8 <= count {
                                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                                if word & PackedASCII.highBits == 0 {
                                    let letters = PackedASCII.lettersAndDigits(word)
                                    var offset = 0
                                    while offset < 8 {
                                        let ahead: UInt64 = ~0 &<< UInt64(8 &* offset)
                                        if inPiece {
                                            let stops = ~letters & PackedASCII.highBits & ahead
                                            guard stops != 0 else { break }
                                            let stop = stops.trailingZeroBitCount / 8
                                            piece(pieceStart, index &+ stop, isASCII: pieceIsASCII)
                                            inPiece = false
                                            offset = stop &+ 1
                                        } else {
                                            let starts = letters & ahead
                                            guard starts != 0 else { break }
                                            let first = starts.trailingZeroBitCount / 8
                                            (inPiece, pieceStart, pieceIsASCII) = (true, index &+ first, true)
                                            offset = first &+ 1
                                        }
                                    }
                                    index &+= 8
                                    continue
                                }
                            }
                            // Otherwise one byte, or one scalar, at a time.
                            let byte = bytes[index]
                            if byte < 0x80 {
                                if isWordByte[Int(byte)] {
                                    if !inPiece { (inPiece, pieceStart, pieceIsASCII) = (true, index, true) }
                                } else if inPiece {
                                    piece(pieceStart, index, isASCII: pieceIsASCII)
                                    inPiece = false
                                }
                                index &+= 1
                            } else {
                                let (scalar, width) = decode(bytes, at: index)
                                if isSeparator(scalar.value) {
                                    if inPiece { piece(pieceStart, index, isASCII: pieceIsASCII) }
                                    inPiece = false
                                } else {
                                    if !inPiece { (inPiece, pieceStart) = (true, index) }
                                    pieceIsASCII = false
                                }
                                index &+= width
                            }
                        }
                        if inPiece { piece(pieceStart, count, isASCII: pieceIsASCII) }
                    }
                }
            }
        }
    }

    /// Punctuation common in news text that folds to itself (or to ASCII punctuation) and
    /// never joins a neighbour: no-break space, guillemets, dashes, curly quotes, ellipsis.
    static func isSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0, 0xAB, 0xBB, 0x2010...0x2015, 0x2018...0x201F, 0x2026: true
        default: false
        }
    }

    /// Per byte value: whether it is an ASCII letter or digit.
    private static let asciiWordBytes: [Bool] = (0..<256).map { byte in
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
    }

    /// Whether lowercased ASCII bytes, no longer than `longestStopword` and packed into `key`
    /// (`packed`), spell a stopword: each stopword (at most eight bytes) is one integer in
    /// `stopwordTable`, found in a probe or two.
    private static func isStopword(_ key: UInt64, in table: UnsafeBufferPointer<UInt64>) -> Bool {
        var slot = stopwordSlot(key)
        while table[slot] != 0 {
            if table[slot] == key { return true }
            slot = (slot + 1) & (stopwordTableSize - 1)
        }
        return false
    }

    /// Whether lowercased ASCII bytes packed into `key` (up to eight, the first lowest) spell a
    /// stopword.
    static func isStopword(packed key: UInt64) -> Bool {
        key >> UInt64(8 * longestStopword) == 0 && stopwordTable.withUnsafeBufferPointer { isStopword(key, in: $0) }
    }

    private static let stopwordTableSize = 256

    private static func stopwordSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// The packed stopwords in an open-addressing table of `stopwordTableSize` slots (0: empty).
    private static let stopwordTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: stopwordTableSize)
        for key in packedStopwords {
            var slot = stopwordSlot(key)
            while table[slot] != 0 { slot = (slot + 1) & (stopwordTableSize - 1) }
            table[slot] = key
        }
        return table
    }()

    /// Up to eight bytes as one integer, the first byte lowest.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * offset) }
        return key
    }

    private static let longestStopword = stopwords.map(\.utf8.count).max()!

    private static let packedStopwords: [UInt64] = stopwords.map { word in
        precondition(word.utf8.count <= 8, "a stopword must pack into 64 bits")
        return Array(word.utf8).withUnsafeBufferPointer(packed)
    }

    /// Whether a folded word is long enough and not a stopword.
    static func isSearchable(_ word: String) -> Bool {
        word.unicodeScalars.count >= minLength && !stopwordSet.contains(word)
    }

    /// Letters, digits and marks (general categories L, N, M), as `[\p{L}\p{N}\p{M}]` in the browser.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}

/// What `SearchFolding.forEachTerm` hands its terms to.
protocol SearchTermSink {
    /// A term of ASCII letters and digits, as lowercased bytes (valid only during the call),
    /// with its first 16 bytes packed into two integers (`SearchTermSet`'s key, the first byte
    /// lowest).
    mutating func take(ascii term: UnsafeBufferPointer<UInt8>, low: UInt64, high: UInt64)
    /// Any other term.
    mutating func take(other term: String)
    /// Whether the sink is handed ASCII stopwords too, and drops them itself (when it hands
    /// its terms on, once per distinct term instead of once per word).
    static var dropsStopwords: Bool { get }
}

extension SearchTermSink {
    static var dropsStopwords: Bool { false }
}

/// ASCII bytes eight at a time in a `UInt64` (the first byte lowest), for `forEachTerm`.
enum PackedASCII {
    /// The high bit of each byte: set in none of eight ASCII bytes.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `byte` in each of the eight bytes.
    private static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit set in each byte of `word` (ASCII only) that is within `lowest...highest`:
    /// adding `0x80 - lowest` sets it from `lowest` on, adding `0x7F - highest` past `highest`,
    /// and neither sum carries into the next byte.
    private static func within(_ word: UInt64, _ lowest: UInt8, _ highest: UInt8) -> UInt64 {
        (word &+ repeated(0x80 &- lowest)) & ~(word &+ repeated(0x7F &- highest)) & highBits
    }

    /// The high bits of `bits` (one per byte, as `lettersAndDigits` gives them) gathered into
    /// the lowest eight bits, the first byte's lowest: shifted to the bottom of each byte, the
    /// multiplication adds each into bit 56 + its byte's number, and no two sums meet.
    @inline(__always)
    static func byteBits(_ bits: UInt64) -> UInt64 { ((bits &>> 7) &* 0x0102_0408_1020_4080) &>> 56 }

    /// The high bit set in each byte of `word` (ASCII only) that is a letter or a digit.
    static func lettersAndDigits(_ word: UInt64) -> UInt64 {
        within(word | repeated(0x20), 0x61, 0x7A) | within(word, 0x30, 0x39)
    }

    /// `word` (ASCII only) with capitals made small.
    private static func lowercased(_ word: UInt64) -> UInt64 { word &+ within(word, 0x41, 0x5A) &>> 2 }

    /// `count` ASCII bytes of `bytes` from `start`, lowercased into `lowered`, and their first
    /// sixteen packed into two integers (`SearchTermSet`'s key).
    @inline(__always)
    static func lowercased(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, into lowered: UnsafeMutableBufferPointer<UInt8>
    ) -> (low: UInt64, high: UInt64) {
        var packed: (low: UInt64, high: UInt64) = (0, 0)
        if start &+ 16 <= bytes.count {
            let source = UnsafeRawPointer(bytes.baseAddress! + start)
            packed.low = lowercased(source.loadUnaligned(as: UInt64.self) & mask(count))
            packed.high = count > 8 ? lowercased(source.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & mask(count &- 8)) : 0
        } else {
            for offset in 0..<min(count, 16) {
                var byte = bytes[start &+ offset]
                if byte &- 0x41 < 26 { byte |= 0x20 }
                if offset < 8 {
                    packed.low |= UInt64(byte) &<< UInt64(8 &* offset)
                } else {
                    packed.high |= UInt64(byte) &<< UInt64(8 &* (offset &- 8))
                }
            }
        }
        let destination = UnsafeMutableRawPointer(lowered.baseAddress!)
        destination.storeBytes(of: packed.low, as: UInt64.self)
        destination.storeBytes(of: packed.high, toByteOffset: 8, as: UInt64.self)
        for offset in min(count, 16)..<count {
            var byte = bytes[start &+ offset]
            if byte &- 0x41 < 26 { byte |= 0x20 }
            lowered[offset] = byte
        }
        return packed
    }

    /// The lowest `count` bytes (all eight from eight on).
    private static func mask(_ count: Int) -> UInt64 { count >= 8 ? ~0 : (1 &<< UInt64(8 &* count)) &- 1 }
}
