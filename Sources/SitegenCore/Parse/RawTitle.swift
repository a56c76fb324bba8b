/// Derives a headline from the first paragraph of a raw text (DESIGN §2.3): the first
/// sentence's main clause, cut at a clause boundary to at most about 90 characters, without
/// trailing punctuation.
///
/// 0. Links (`https://…`, `pic.twitter.com/…`) are left out, and a wire dateline before a dash (`HALDEN, Norland (Wire) — Prime Minister …`) is skipped.
/// 1. The first sentence ends at `.`, `!` or `?` (closing quotes allowed) followed by white
///    space and an uppercase letter, or by the end of the text. A `.` after an abbreviation
///    (`Mr.`, `Gen.`, `Jan.`), an initial (`J.`) or a dotted word (`U.S.`) ends nothing, nor
///    does one inside a number (`3.5`).
/// 2. The main clause is the text before the first clause boundary: a comma followed by a
///    participle (`, ending`, `, backed`, `, led`), a dash (`—` anywhere, or a spaced `–`,
///    `-` or `--`), `: ` or `;`. A boundary that would leave fewer than three words is skipped
///    (`BREAKING: …` keeps its colon).
/// 3. A clause up to a ninth over the limit (100 for 90) is kept whole ("about 90"), so a headline
///    is not cut a word before its end. A longer clause is cut at its last clause boundary or comma in the
///    second half of the limit, or else at its last space before the limit; function words left
///    dangling at the end (`of`, `the`, `and`) are dropped.
/// 4. Trailing punctuation is removed; a closing quote or bracket stays when its opening
///    partner is in the title.
enum RawTitle {
    /// The longest title, in Characters, before the tolerance.
    static let limit = 90

    /// The title for `text`, or nil when it holds nothing but punctuation and white space.
    static func derive(from text: String, limit: Int = limit) -> String? {
        let text = collapsingWhiteSpace(
            PostLinks.segments(in: text).filter { $0.url == nil }.map(\.text).joined(separator: " "))
        var title = mainClause(of: firstSentence(of: withoutDateline(text)))
        if title.count > limit + limit / 9 { title = shortened(title, limit: limit) }
        let result = withoutTrailingPunctuation(title)
        return result.isEmpty ? nil : result
    }

    /// `text` with each run of white space made one space, and none at either end. ASCII
    /// text is done on its bytes, where white space is the same: tab to carriage return and
    /// space (and so `\r\n`, one `Character`).
    static func collapsingWhiteSpace(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: { CharacterTest.isWhitespace($0) }).joined(separator: " ")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte &- 0x09 < 5 {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` without a leading wire dateline: up to six words before a dash in the first 80
    /// Characters, the first of them in capitals (`NEW YORK (Wire) -`, `HALDEN, Norland —`),
    /// when an uppercase letter follows the dash.
    static func withoutDateline(_ text: String) -> String {
        let chars = Array(text.prefix(80))
        guard let dash = clauseBoundaries(in: chars, includingCommas: false).first,
            chars[dash] != ":", chars[dash] != ";", chars[dash] != ","
        else { return text }
        let head = String(chars[..<dash]).split(separator: " ")
        guard let first = head.first, head.count <= 6, first.count >= 2,
            first.allSatisfy({ CharacterTest.isUppercase($0) || !CharacterTest.isLetter($0) }),
            first.contains(where: \.isLetter)
        else { return text }
        let rest = String(text.dropFirst(dash)).drop {
            !CharacterTest.isLetter($0) && !CharacterTest.isNumber($0) && !"“\"‘'(".contains($0)
        }
        guard let start = rest.first(where: { CharacterTest.isLetter($0) }), CharacterTest.isUppercase(start) else {
            return text
        }
        return String(rest)
    }

    /// The first sentence of `text`, with its closing punctuation.
    static func firstSentence(of text: String) -> String {
        let chars = Array(text)
        var index = 0
        while index < chars.count {
            defer { index += 1 }
            guard sentenceEnds.contains(chars[index]) else { continue }
            var end = index + 1
            while end < chars.count, sentenceEnds.contains(chars[end]) { end += 1 }
            while end < chars.count, closers.contains(chars[end]) { end += 1 }
            guard end < chars.count else { break }
            guard CharacterTest.isWhitespace(chars[end]) else { continue }
            var next = end
            while next < chars.count, CharacterTest.isWhitespace(chars[next]) { next += 1 }
            while next < chars.count, openers.contains(chars[next]) { next += 1 }
            guard next < chars.count, CharacterTest.isUppercase(chars[next]) else { continue }
            if chars[index] == ".", isAbbreviation(before: index, in: chars) { continue }
            return String(chars[..<end])
        }
        return text
    }

    /// `sentence` cut before its first clause boundary that leaves at least three words.
    static func mainClause(of sentence: String) -> String {
        let chars = Array(sentence)
        let words = wordCounts(chars)
        for boundary in clauseBoundaries(in: chars, includingCommas: false)
        where words[boundary] >= 3 {
            return String(sentence.prefix(boundary))  // the same characters, copied as bytes
        }
        return sentence
    }

    /// `clause` cut to at most `limit` Characters at a clause boundary, comma or space.
    static func shortened(_ clause: String, limit: Int) -> String {
        let chars = Array(clause)
        let prefixWords = wordCounts(chars)
        let boundary = clauseBoundaries(in: chars, includingCommas: true)
            .last { $0 <= limit && $0 >= limit / 2 && prefixWords[$0] >= 3 }
        if let boundary { return String(clause.prefix(boundary)) }
        var cut = limit
        while cut > 0, !CharacterTest.isWhitespace(chars[cut]) { cut -= 1 }
        var words = prefix(of: clause, characters: chars[..<(cut > 0 ? cut : limit)]).split(separator: " ")
        while words.count > 3, let last = words.last, danglingWords.contains(last.lowercased()) {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// The start of `text` made of `characters` (its first characters): cut at their UTF-8
    /// length instead of made again character by character.
    static func prefix(of text: String, characters: ArraySlice<Character>) -> Substring {
        let length = characters.reduce(0) { $0 + $1.utf8.count }
        return text[..<text.utf8.index(text.utf8.startIndex, offsetBy: length)]
    }

    /// `title` without trailing punctuation or white space, keeping balanced closing quotes
    /// and brackets (`Kiel calls talks “frank.”` → `Kiel calls talks “frank”`).
    static func withoutTrailingPunctuation(_ title: String) -> String {
        var body = Substring(title).trimmingWhitespace
        var closing = ""
        while let last = body.last {
            if trailingPunctuation.contains(last) || last.isWhitespace {
                body = body.dropLast()
            } else if let opener = pairs[last] {
                body = body.dropLast()
                let balanced =
                    opener == last ? body.filter { $0 == last }.count % 2 == 1 : body.contains(opener)
                if balanced { closing = String(last) + closing }
            } else {
                break
            }
        }
        return String(body) + closing
    }
}

extension RawTitle {
    private static let sentenceEnds = CharacterTest.Members([".", "!", "?"])
    private static let closers = CharacterTest.Members(["\"", "”", "’", "'", ")", "]", "»"])
    private static let openers = CharacterTest.Members(["\"", "“", "‘", "'", "(", "[", "«"])
    private static let trailingPunctuation: Set<Character> = [
        ".", ",", ";", ":", "!", "?", "…", "—", "–", "-", "·", "/",
    ]
    /// Closing quotes and brackets, each with its opening partner.
    private static let pairs: [Character: Character] = ["”": "“", "\"": "\"", ")": "(", "]": "[", "»": "«"]

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "adm", "prof",
        "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "amb", "sec", "dept",
        "approx",
        "fig", "vol", "cf", "al", "ave", "messrs", "gens",
    ]
    /// `-ing` and `-ed` words that are not participles after a comma.
    private static let notParticiples: Set<String> = [
        "during", "nothing", "something", "anything", "everything", "morning", "evening", "spring", "string",
        "indeed", "hundred", "sacred", "naked", "wicked",
    ]
    /// Irregular past participles that open a clause after a comma.
    private static let irregularParticiples: Set<String> = [
        "led", "made", "taken", "given", "driven", "seen", "known", "held", "left", "set", "sent", "built",
        "brought",
        "caught", "won", "shown", "written", "struck", "hit", "cut", "put", "told", "paid", "said", "begun",
        "broken",
        "chosen", "drawn", "fallen", "spoken", "thrown", "torn", "worn", "bound", "found", "sought", "fought",
    ]
    /// Words a cut title should not end with.
    private static let danglingWords: Set<String> = [
        "a", "an", "the", "of", "and", "or", "but", "nor", "to", "in", "on", "at", "for", "with", "by",
        "from", "as",
        "into", "onto", "over", "under", "than", "that", "which", "who", "whose", "its", "their", "his",
        "her", "our",
        "this", "these", "those", "is", "are", "was", "were", "be", "been", "will", "would", "has", "have",
        "had",
    ]

    /// Whether the `.` at `index` follows an abbreviation, an initial or a dotted word.
    private static func isAbbreviation(before index: Int, in chars: [Character]) -> Bool {
        var start = index
        while start > 0, CharacterTest.isLetter(chars[start - 1]) || chars[start - 1] == "." { start -= 1 }
        let word = String(chars[start..<index])
        if word.isEmpty { return false }
        if word.contains(".") { return true }
        if word.count == 1, CharacterTest.isUppercase(word.first!) { return true }
        return abbreviations.contains(word.lowercased())
    }

    /// Offsets at which a clause boundary starts, in order. With `includingCommas`, every
    /// comma counts, not only one before a participle.
    private static func clauseBoundaries(in chars: [Character], includingCommas: Bool) -> [Int] {
        var result: [Int] = []
        for index in chars.indices {
            // Nearly every character is ASCII and none of these: the switch below compares as strings.
            if let byte = CharacterTest.asciiByte(chars[index]), byte != UInt8(ascii: "-"), byte != UInt8(ascii: ":"),
                byte != UInt8(ascii: ";"), byte != UInt8(ascii: ",")
            {
                continue
            }
            let next = index + 1 < chars.count ? chars[index + 1] : " "
            let previous = index > 0 ? chars[index - 1] : " "
            switch chars[index] {
            case "—", "―":
                result.append(CharacterTest.isWhitespace(previous) ? index - 1 : index)
            case "–" where CharacterTest.isWhitespace(previous) && CharacterTest.isWhitespace(next),
                "-" where CharacterTest.isWhitespace(previous) && CharacterTest.isWhitespace(next):
                result.append(index - 1)
            case "-" where CharacterTest.isWhitespace(previous) && next == "-":
                result.append(index - 1)
            case ":" where CharacterTest.isWhitespace(next), ";":
                result.append(index)
            case "," where CharacterTest.isWhitespace(next):
                if includingCommas || isParticiple(wordAfter: index + 1, in: chars) { result.append(index) }
            default:
                break
            }
        }
        return result.filter { $0 > 0 }
    }

    private static func isParticiple(wordAfter start: Int, in chars: [Character]) -> Bool {
        var begin = start
        while begin < chars.count, CharacterTest.isWhitespace(chars[begin]) { begin += 1 }
        var end = begin
        while end < chars.count, CharacterTest.isLetter(chars[end]) { end += 1 }
        let word = String(chars[begin..<end])
        guard let first = word.first, CharacterTest.isLowercase(first) else { return false }
        if notParticiples.contains(word) { return false }
        if irregularParticiples.contains(word) { return true }
        return word.count >= 5 && (word.hasSuffix("ing") || (word.hasSuffix("ed") && !word.hasSuffix("eed")))
    }

    static func wordCount(_ chars: ArraySlice<Character>) -> Int {
        String(chars).split(whereSeparator: { CharacterTest.isWhitespace($0) }).filter {
            $0.contains(where: { CharacterTest.isLetter($0) || CharacterTest.isNumber($0) })
        }.count
    }
}

/// `Character`'s properties and set memberships, answered from the byte for a character
/// that is one ASCII scalar (nearly every character of news text) and by `Character` itself
/// otherwise. `Character` looks each property up in Unicode's tables and compares as a
/// string; that made deriving a raw text's title cost about 300 µs. For one ASCII scalar the
/// answers are the same (a test compares them for every ASCII character, `"\r\n"` and
/// others).
enum CharacterTest {
    /// The byte of a character that is one ASCII scalar (one UTF-8 byte; `"\r\n"` has two).
    static func asciiByte(_ character: Character) -> UInt8? {
        let utf8 = character.utf8
        guard utf8.count == 1, let byte = utf8.first, byte < 0x80 else { return nil }
        return byte
    }

    static func isWhitespace(_ character: Character) -> Bool {
        guard let byte = asciiByte(character) else { return character.isWhitespace }
        return byte == 0x20 || byte &- 0x09 < 5
    }

    static func isLetter(_ character: Character) -> Bool {
        guard let byte = asciiByte(character) else { return character.isLetter }
        return (byte | 0x20) &- 0x61 < 26
    }

    static func isNumber(_ character: Character) -> Bool {
        guard let byte = asciiByte(character) else { return character.isNumber }
        return byte &- 0x30 < 10
    }

    static func isUppercase(_ character: Character) -> Bool {
        guard let byte = asciiByte(character) else { return character.isUppercase }
        return byte &- 0x41 < 26
    }

    static func isLowercase(_ character: Character) -> Bool {
        guard let byte = asciiByte(character) else { return character.isLowercase }
        return byte &- 0x61 < 26
    }

    /// A set of characters, tested from the byte for a character that is one ASCII scalar.
    struct Members: Sendable {
        let set: Set<Character>
        /// Per ASCII byte, whether `set` contains its character (a set holding U+037E
        /// contains `;`).
        private let ascii: [Bool]

        init(_ set: Set<Character>) {
            self.set = set
            ascii = (0..<0x80).map { set.contains(Character(UnicodeScalar(UInt8($0)))) }
        }

        func contains(_ character: Character) -> Bool {
            guard let byte = CharacterTest.asciiByte(character) else { return set.contains(character) }
            return ascii[Int(byte)]
        }
    }
}
