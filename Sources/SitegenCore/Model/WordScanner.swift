/// Splits text into words the way `Character` properties do, without paying for grapheme
/// breaking on ordinary text.
///
/// When every scalar of a text is its own grapheme cluster, a scalar's properties are its
/// character's, so scanning scalars gives exactly what scanning `Character`s gives. That holds
/// for ASCII and for the scalars in `isStandalone` (letters, digits, punctuation, symbols and
/// spaces that never join a neighbour); any other scalar (combining marks, joiners, scripts whose
/// letters combine) sends the text down the `Character` path. The scans read UTF-8 bytes and
/// decode a scalar only where a byte is not ASCII.
enum WordScanner {
    /// The number of runs of non-white-space characters (`Character.isWhitespace`).
    static func wordCount(_ text: String) -> Int {
        standaloneWordCount(text) ?? text.split(whereSeparator: { $0.isWhitespace }).count
    }

    /// `wordCount` of the text whose valid UTF-8 is `bytes`.
    static func wordCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        standaloneWordCount(bytes) ?? wordCount(String(decoding: bytes, as: UTF8.self))
    }

    /// `wordCount` read from UTF-8 bytes; nil when a scalar is not standalone.
    static func standaloneWordCount(_ text: String) -> Int? { withUTF8(of: text, standaloneWordCount) }

    /// Runs of letters and digits (`Character.isLetter || Character.isNumber`).
    static func words(in text: String) -> [Substring] {
        let words = TextWords(text)
        return words.spans.indices.map(words.word)
    }

    private static func standaloneWordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        var inWord = false
        var i = 0
        while i < bytes.count {
            if i + 8 <= bytes.count {
                let chunk = UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if chunk & highBits == 0 {
                    let nonSpace = asciiNonSpaceBits(chunk)
                    count += (nonSpace & ~(nonSpace << 8 | (inWord ? 0x80 : 0))).nonzeroBitCount  // words starting here
                    inWord = nonSpace >> 63 != 0
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            let isSpace: Bool
            if byte < 0x80 {
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                i += 1
            } else {
                let (scalar, length) = scalar(at: i, in: bytes)
                guard isStandalone(scalar) else { return nil }
                isSpace = Character(scalar).isWhitespace
                i += length
            }
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// The top bit of each of eight bytes.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The top bit of each byte of eight ASCII bytes (little-endian) that is not white space
    /// (0x09...0x0D, 0x20). No byte's sum carries into the next, as every byte is below 0x80.
    static func asciiNonSpaceBits(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = ~highBits
        let spaceDiff = chunk ^ (0x20 &* ones)  // zero where a byte is a space
        let isSpace = ~(((spaceDiff & low) &+ low) | spaceDiff) & highBits
        let isControlSpace = (chunk &+ 0x77 &* ones) & ~(chunk &+ 0x72 &* ones) & highBits  // 0x09 <= byte < 0x0E
        return ~(isSpace | isControlSpace) & highBits
    }

    /// Whether a scalar is a letter or digit (`Character.isLetter || Character.isNumber` of
    /// the scalar as a character of its own).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let character = Character(scalar)
        return character.isLetter || character.isNumber
    }

    /// Whether an ASCII byte is a letter or digit.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Cased letters, decimal digits, punctuation, math and currency symbols and space
    /// separators: none of them extends, prepends or joins a grapheme cluster, so each is a
    /// character of its own wherever it stands (its neighbours are ASCII or standalone too).
    static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber,
            .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .otherPunctuation, .connectorPunctuation, .mathSymbol, .currencySymbol, .spaceSeparator:
            return true
        default:
            return false
        }
    }

    /// The scalar whose (non-ASCII) lead byte is at `i` in valid UTF-8, and its length in bytes.
    static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[i])
        func continuation(_ k: Int) -> UInt32 { UInt32(bytes[i + k] & 0x3F) }
        let (value, length): (UInt32, Int)
        if lead < 0xE0 {
            (value, length) = ((lead & 0x1F) << 6 | continuation(1), 2)
        } else if lead < 0xF0 {
            (value, length) = ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        } else {
            (value, length) = ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
        return (Unicode.Scalar(value)!, length)  // a String's UTF-8 is valid
    }

    /// `body` on the text's UTF-8 bytes (copied only if the string is not stored as UTF-8).
    static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }
}
