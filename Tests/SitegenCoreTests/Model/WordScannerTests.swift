import Testing

@testable import SitegenCore

/// The scalar fast paths must give exactly what splitting by `Character` gives.
struct WordScannerTests {
    static let samples = [
        "", "   ", "one", " two  words ", "tabs\tand\nnew\r\nlines", "“Curly” quotes — and dashes – too…",
        "Erdoğan met Zelensky in Ankara", "e\u{301}t\u{E9} combining", "space \u{301}mark", "nbsp\u{A0}here",
        "emoji 👍🏽 and 🇺🇦 flags", "ZWJ 👩‍👩‍👧 family", "Hangul 한국어 text", "digits 2025 and ٣ arabic",
        "under_score x^2", "\u{600}prepend arabic", "thai กำ sara am", "math ∑ ≠ €5", "ideographic\u{3000}space",
        "\u{212A}elvin and Å\u{2028}line\u{85}next", "𝐁old 𝟚 math letters", "end with é", "ends in space\u{2003}",
    ]

    @Test(arguments: samples) func wordCountMatchesCharacters(text: String) {
        #expect(WordScanner.wordCount(text) == text.split(whereSeparator: { $0.isWhitespace }).count)
        #expect(Array(text.utf8).withUnsafeBufferPointer(WordScanner.wordCount(utf8:)) == WordScanner.wordCount(text))
    }

    @Test(arguments: samples) func wordsMatchCharacters(text: String) {
        #expect(WordScanner.words(in: text) == text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }))
    }

    /// Each word's hash is that of its bytes when they are ASCII, and absent otherwise.
    @Test(arguments: samples) func asciiWordsCarryTheirHash(text: String) {
        let words = TextWords(text)
        for i in words.spans.indices {
            let bytes = Array(words.word(i).utf8)
            #expect(words.spans[i].asciiHash == (bytes.allSatisfy { $0 < 0x80 } ? TextWords.hash(bytes) : nil))
            #expect(words.word(i, is: bytes))
            #expect(!words.word(i, is: bytes + [0x61]))
        }
    }

    /// Random texts of up to 60 characters, ASCII of every kind with a letter that is not ASCII
    /// here and there: the same words as `Character` splitting gives, each with the hash of
    /// its bytes when they are ASCII.
    @Test func wordsOfLongTextMatchCharacters() {
        var random = SeededRandom(seed: 12)
        let alphabet = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) } + Array("aaaaeeeeé—ğ")
        for _ in 0..<500 {
            let text = String((0..<random.next(below: 60)).map { _ in alphabet[random.next(below: alphabet.count)] })
            #expect(WordScanner.words(in: text) == text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }),
                    "\(text.debugDescription)")
            let words = TextWords(text)
            for i in words.spans.indices {
                let bytes = Array(words.word(i).utf8)
                #expect(words.spans[i].asciiHash == (bytes.allSatisfy { $0 < 0x80 } ? TextWords.hash(bytes) : nil))
            }
        }
    }

    /// Eight bytes at a time: each ASCII byte, at each place, among letters and among spaces.
    @Test func asciiNonSpaceBitsMarkEveryByte() {
        for byte in UInt64(0)..<0x80 {
            let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            for place in UInt64(0)..<8 {
                for filler in [UInt64(0x61), 0x20] {
                    let chunk = (0..<8).reduce(UInt64(0)) { $0 | ($1 == place ? byte : filler) << ($1 * 8) }
                    let bit = WordScanner.asciiNonSpaceBits(chunk) >> (place * 8 + 7) & 1
                    #expect(bit == (isSpace ? 0 : 1), "byte \(byte) at \(place)")
                }
            }
        }
    }

    /// ASCII text of every kind, long enough to be read eight bytes at a time.
    @Test func asciiWordCountMatchesCharacters() {
        var random = SeededRandom(seed: 11)
        let alphabet = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) } + Array("    \t\n“é")
        for _ in 0..<500 {
            let text = String((0..<random.next(below: 40)).map { _ in alphabet[random.next(below: alphabet.count)] })
            #expect(WordScanner.wordCount(text) == text.split(whereSeparator: { $0.isWhitespace }).count, "\(text.debugDescription)")
        }
    }

    @Test func ordinaryTextTakesTheFastPath() {
        for text in ["“Curly” quotes — Erdoğan, €5", "\u{212A}elvin 𝐁old é"] {
            #expect(WordScanner.standaloneWordCount(text) != nil)
            #expect(WordScanner.withUTF8(of: text, TextWords.standaloneSpans) != nil)
        }
        for text in ["e\u{301}", "한국어", "👍🏽", "\u{600}x"] {
            #expect(WordScanner.standaloneWordCount(text) == nil)
            #expect(WordScanner.withUTF8(of: text, TextWords.standaloneSpans) == nil)
        }
    }
}
