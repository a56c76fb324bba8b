import Foundation

/// The three lines that mark an embedded social post in a raw text (DESIGN §2.3), each
/// recognised on its own, without regard to the paragraphs around it.
enum RawPostSyntax {
    /// `— Display Name (@handle) Month D, YYYY` at the end of a paragraph.
    struct Signature: Hashable {
        /// The text before the dash, trimmed; may be empty.
        var text: String
        var account: SocialAccount
    }

    /// `( @handle – Platform Post )` at the start of a paragraph.
    struct Announcement: Hashable {
        var handle: String
        /// The platform without the word `Post`; nil for `( @handle – Post )`.
        var platform: String?
        /// The phrase after the dash as written.
        var label: String
    }

    /// `( Name – Mon D, YYYY, H:MM AM TZ )` at the start of a paragraph.
    struct AuthorLine: Hashable {
        var name: String
        var date: NewsDate?
        var dateText: String
        var time: String?
    }

    /// A display name longer than this is taken as prose, not as a signature.
    static let maximumNameLength = 64

    /// The signature that ends `text`, if any.
    ///
    /// The dash before the name may be an em dash `—`, an en dash `–`, a horizontal bar `―`
    /// or a double hyphen `--`; a spaced hyphen ` - ` is accepted only when none of those
    /// stands before the handle. The date may be missing (`— Name (@handle)`), but anything
    /// else after the handle must be a date such as `February 14, 2026` or `Feb 14 2026`.
    static func signature(endingWith text: some StringProtocol) -> Signature? {
        // Most paragraphs have no `(@` at all: told before trimming (which walks characters).
        // Trimming removes only trailing white space, so the last `(@` stays where it is.
        guard let open = Substring(text).lastHandleOpening else { return nil }
        let text = Substring(text).trimmingTrailingWhitespace
        let handleStart = text.index(before: open.upperBound)  // at "@"
        var cursor = open.upperBound
        while cursor < text.endIndex, isHandleCharacter(text[cursor]) { cursor = text.index(after: cursor) }
        guard cursor > open.upperBound, cursor < text.endIndex, text[cursor] == ")" else { return nil }
        let handle = String(text[handleStart..<cursor])
        let after = text[text.index(after: cursor)...].trimmingWhitespace
        var date: NewsDate?
        var dateText: String?
        if !after.isEmpty {
            let trimmedAfter = after.hasSuffix(".") ? after.dropLast() : after
            guard let parsed = monthDayYear(prefixOf: trimmedAfter), parsed.end == trimmedAfter.endIndex
            else { return nil }
            date = parsed.date
            dateText = String(trimmedAfter)
        }
        let head = text[..<open.lowerBound]
        guard let dash = lastSignatureDash(in: head) else { return nil }
        let name = head[dash.upperBound...].trimmingWhitespace
        guard name.count <= maximumNameLength, !containsASCII(name, "("), !containsASCII(name, ")") else { return nil }
        let account = SocialAccount(
            name: name.isEmpty ? nil : String(name), handle: handle, date: date, dateText: dateText)
        return Signature(text: String(head[..<dash.lowerBound].trimmingWhitespace), account: account)
    }

    /// The announcement that `text` starts with, and the text after it.
    static func announcement(startingWith text: Substring) -> (Announcement, rest: Substring)? {
        guard let (inner, rest) = parenthesized(prefixOf: text), inner.first == "@" else { return nil }
        var cursor = inner.index(after: inner.startIndex)
        while cursor < inner.endIndex, isHandleCharacter(inner[cursor]) {
            cursor = inner.index(after: cursor)
        }
        guard cursor > inner.index(after: inner.startIndex) else { return nil }
        let handle = String(inner[..<cursor])
        let afterHandle = inner[cursor...].trimmingWhitespace
        guard let dash = afterHandle.first, "–—-".contains(dash) else { return nil }
        let label = afterHandle.dropFirst().trimmingWhitespace
        guard !label.isEmpty, label.count <= 40,
            label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "." })
        else { return nil }
        var words = label.split(separator: " ")
        if let last = words.last, last.lowercased() == "post" { words.removeLast() }
        let platform = words.isEmpty ? nil : words.joined(separator: " ")
        return (Announcement(handle: handle, platform: platform, label: String(label)), rest)
    }

    /// The author line that `text` starts with, and the text after it.
    ///
    /// The name and the date are separated by a spaced en dash, em dash or hyphen; the time,
    /// when present, is `H:MM` followed by up to three words such as `AM ET`.
    static func authorLine(startingWith text: Substring) -> (AuthorLine, rest: Substring)? {
        guard let (inner, rest) = parenthesized(prefixOf: text) else { return nil }
        var searchEnd = inner.endIndex
        // The name may itself hold a spaced hyphen, so try the separators from the right.
        while let separator = lastNameSeparator(in: inner[..<searchEnd]) {
            searchEnd = separator.lowerBound
            let name = inner[..<separator.lowerBound].trimmingWhitespace
            let when = inner[separator.upperBound...].trimmingWhitespace
            guard !name.isEmpty, name.count <= maximumNameLength, let parsed = monthDayYear(prefixOf: when)
            else { continue }
            var tail = when[parsed.end...].trimmingWhitespace
            if tail.first == "," { tail = tail.dropFirst().trimmingWhitespace }
            guard tail.isEmpty || isTime(tail) else { continue }
            let line = AuthorLine(
                name: String(name), date: parsed.date, dateText: String(when[..<parsed.end]),
                time: tail.isEmpty ? nil : String(tail))
            return (line, rest)
        }
        return nil
    }

    /// Parses `Month D, YYYY` (full or abbreviated month, comma optional) at the start of
    /// `text`; `date` is nil when the day does not exist.
    static func monthDayYear(prefixOf text: Substring) -> (date: NewsDate?, end: Substring.Index)? {
        var cursor = text.startIndex
        while cursor < text.endIndex, text[cursor].isLetter, text[cursor].isASCII {
            cursor = text.index(after: cursor)
        }
        guard let month = month(named: text[..<cursor]) else { return nil }
        if cursor < text.endIndex, text[cursor] == "." { cursor = text.index(after: cursor) }
        let afterMonth = cursor
        cursor = skipSpaces(text, from: cursor)
        guard cursor > afterMonth, let (day, afterDay) = digits(text, from: cursor, count: 1...2) else {
            return nil
        }
        cursor = afterDay
        if cursor < text.endIndex, text[cursor] == "," { cursor = text.index(after: cursor) }
        let beforeYear = cursor
        cursor = skipSpaces(text, from: cursor)
        guard cursor > beforeYear, let (year, end) = digits(text, from: cursor, count: 4...4) else {
            return nil
        }
        guard end == text.endIndex || !(text[end].isLetter || text[end].isNumber) else { return nil }
        let valid = day >= 1 && day <= NewsDate.daysIn(month: month, year: year)
        return (valid ? NewsDate(year: year, month: month, day: day) : nil, end)
    }

    /// 1...12 for `January`, `Jan`, `Jan.`, `Sept` in any case.
    static func month(named word: Substring) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        if lower == "sept" { return 9 }
        for (index, name) in NewsDate.monthNames.enumerated() {
            let full = name.lowercased()
            if lower == full || lower == full.prefix(3) { return index + 1 }
        }
        return nil
    }

    /// `A-Z a-z 0-9 _`.
    static func isHandleCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (48...57).contains(ascii) || (65...90).contains(ascii) || (97...122).contains(ascii)
            || ascii == 95
    }
}

extension RawPostSyntax {
    /// `( inner )` at the start of `text` (leading white space allowed): the trimmed inner
    /// text, which must be short and hold no parenthesis, and the text after `)`.
    private static func parenthesized(prefixOf text: Substring) -> (inner: Substring, rest: Substring)? {
        let start = text.trimmingLeadingWhitespace
        guard start.first == "(", let close = start.prefix(160).firstIndex(of: ")") else { return nil }
        let inner = start[start.index(after: start.startIndex)..<close]
        guard !containsASCII(inner, "(") else { return nil }
        return (inner.trimmingWhitespace, start[start.index(after: close)...].trimmingLeadingWhitespace)
    }

    /// Whether `text` holds the character `character`, an ASCII one, as Foundation's
    /// `contains` finds it (the string without it, so nearly always, is told on its bytes).
    private static func containsASCII(_ text: Substring, _ character: Unicode.Scalar) -> Bool {
        text.utf8.contains(UInt8(ascii: character)) && text.contains(String(character))
    }

    /// The last dash that can open a signature: `—`, `–`, `―` or `--`; else a spaced ` - `.
    ///
    /// Found on the UTF-8 bytes, as the last dash or `--` that `lastSignatureDashByCharacters`
    /// finds walking back character by character: a dash between two ASCII bytes (or the
    /// text's ends) is a character of its own. One next to anything else (a combining mark
    /// after it, a prepended mark before it) is left to that walk.
    static func lastSignatureDash(in text: Substring) -> Range<Substring.Index>? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> ByteSearch in
            func isDash(endingAt end: Int) -> Int? {
                if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, (0x93...0x95).contains(bytes[end - 1]) {
                    return end - 3
                }
                if end >= 2, bytes[end - 2] == UInt8(ascii: "-"), bytes[end - 1] == UInt8(ascii: "-") { return end - 2 }
                return nil
            }
            var end = bytes.count
            while end > 0 {
                if let start = isDash(endingAt: end) { return ByteSearch(bytes, start, end) }
                end -= 1
            }
            return .absent
        }
        switch found ?? .undecided {
        case .found(let start, let end): return text.utf8Range(start, end)
        case .absent: return text.range(of: " - ", options: .backwards)
        case .undecided: return lastSignatureDashByCharacters(in: text)
        }
    }

    /// `lastSignatureDash` by walking back over the characters.
    static func lastSignatureDashByCharacters(in text: Substring) -> Range<Substring.Index>? {
        var cursor = text.endIndex
        while cursor > text.startIndex {
            let previous = text.index(before: cursor)
            switch text[previous] {
            case "—", "–", "―":
                return previous..<cursor
            case "-" where previous > text.startIndex && text[text.index(before: previous)] == "-":
                return text.index(before: previous)..<cursor
            default:
                cursor = previous
            }
        }
        return text.range(of: " - ", options: .backwards)
    }

    /// The last spaced dash in an author line: ` – `, ` — ` or ` - `.
    ///
    /// Found on the UTF-8 bytes, as Foundation finds it (`lastNameSeparatorByFoundation`):
    /// the separators have no other spelling, and one between two ASCII bytes (or the text's
    /// ends) is three characters of their own. One next to anything else is left to Foundation.
    static func lastNameSeparator(in text: Substring) -> Range<Substring.Index>? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> ByteSearch in
            let space = UInt8(ascii: " ")
            var start = bytes.count - 3
            while start >= 0 {
                if bytes[start] == space {
                    var end = -1
                    if bytes[start + 1] == UInt8(ascii: "-"), bytes[start + 2] == space {
                        end = start + 3
                    } else if start + 5 <= bytes.count, bytes[start + 1] == 0xE2, bytes[start + 2] == 0x80,
                        bytes[start + 3] == 0x93 || bytes[start + 3] == 0x94, bytes[start + 4] == space
                    {
                        end = start + 5
                    }
                    if end > 0 { return ByteSearch(bytes, start, end) }
                }
                start -= 1
            }
            return .absent
        }
        switch found ?? .undecided {
        case .found(let start, let end): return text.utf8Range(start, end)
        case .absent: return nil
        case .undecided: return lastNameSeparatorByFoundation(in: text)
        }
    }

    /// What a search on the bytes found: a match (byte offsets), no match, or a match next to
    /// a non-ASCII byte, which a character could join: then the search by characters decides.
    private enum ByteSearch {
        case found(Int, Int)
        case absent
        case undecided

        /// The match at `start..<end` in `bytes`, or `undecided` when a non-ASCII byte stands next to it.
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            let asciiBefore = start == 0 || bytes[start - 1] < 0x80
            let asciiAfter = end == bytes.count || bytes[end] < 0x80
            self = asciiBefore && asciiAfter ? .found(start, end) : .undecided
        }
    }

    /// `lastNameSeparator` by Foundation's searches.
    static func lastNameSeparatorByFoundation(in text: Substring) -> Range<Substring.Index>? {
        [" – ", " — ", " - "].compactMap { text.range(of: $0, options: .backwards) }.max {
            $0.lowerBound < $1.lowerBound
        }
    }

    /// `H:MM` then at most three short words (`AM`, `ET`, `p.m.`, `GMT+1`).
    private static func isTime(_ text: Substring) -> Bool {
        guard let (hour, afterHour) = digits(text, from: text.startIndex, count: 1...2), hour < 24,
            afterHour < text.endIndex, text[afterHour] == ":",
            let (minute, afterMinute) = digits(text, from: text.index(after: afterHour), count: 2...2),
            minute < 60
        else { return false }
        let words = text[afterMinute...].split(separator: " ")
        guard words.count <= 3 else { return false }
        if let first = text[afterMinute...].first, !first.isWhitespace, first.isLetter == false {
            return false
        }
        return words.allSatisfy { word in
            word.count <= 8
                && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.:".contains($0)) }
        }
    }

    private static func skipSpaces(_ text: Substring, from start: Substring.Index) -> Substring.Index {
        var cursor = start
        while cursor < text.endIndex,
            text[cursor] == " " || text[cursor] == "\u{00A0}" || text[cursor] == "\t"
        {
            cursor = text.index(after: cursor)
        }
        return cursor
    }

    private static func digits(
        _ text: Substring, from start: Substring.Index, count: ClosedRange<Int>
    ) -> (Int, Substring.Index)? {
        var cursor = start
        var value = 0
        var length = 0
        while cursor < text.endIndex, length < count.upperBound, let digit = text[cursor].asciiValue,
            (48...57).contains(digit)
        {
            value = value * 10 + Int(digit - 48)
            length += 1
            cursor = text.index(after: cursor)
        }
        guard count.contains(length) else { return nil }
        if cursor < text.endIndex, text[cursor].isNumber { return nil }
        return (value, cursor)
    }
}

extension Substring {
    /// The range of the UTF-8 bytes `start..<end`, offsets from the start.
    fileprivate func utf8Range(_ start: Int, _ end: Int) -> Range<Index> {
        utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
    }
}
