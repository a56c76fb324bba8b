/// What one HTML page links to and which fragment targets it defines.
struct ScannedPage: Sendable, Equatable {
    /// `href` and `src` values in document order, entity-decoded, as written otherwise.
    var links: [String] = []
    /// Every `id`, and every `name` of an `<a>`: the page's `#anchor` targets.
    var ids: Set<String> = []
}

/// A small, careful attribute scanner for the HTML that sitegen itself renders.
///
/// It reads start tags and their attributes (double-quoted, single-quoted or unquoted),
/// skips comments, doctypes, end tags, and the raw text of `<script>` and `<style>`
/// (JSON-LD is not a link). It is not a general HTML parser and does not try to be one.
struct HTMLLinkScanner {
    func scan(_ html: [UInt8]) -> ScannedPage {
        var page = ScannedPage()
        var cursor = Cursor(bytes: html)
        while let next = cursor.find(UInt8(ascii: "<")) {
            cursor.index = next + 1
            if cursor.hasPrefix("!--") {
                cursor.skip(past: "-->")
            } else if cursor.peek == UInt8(ascii: "!") || cursor.peek == UInt8(ascii: "?")
                || cursor.peek == UInt8(ascii: "/")
            {
                cursor.skip(past: ">")
            } else if let byte = cursor.peek, Self.isLetter(byte) {
                let name = cursor.readName()
                let attributes = cursor.readAttributes()
                for (key, value) in attributes {
                    switch key {
                    case "href", "src": page.links.append(Self.decodeEntities(value))
                    case "id": page.ids.insert(Self.decodeEntities(value))
                    case "name" where name == "a": page.ids.insert(Self.decodeEntities(value))
                    default: break
                    }
                }
                if name == "script" || name == "style" { cursor.skip(pastCaseInsensitive: "</" + name) }
            }
        }
        return page
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }

    /// Decodes the character references sitegen's escaping produces, plus numeric ones.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }  // nearly every value
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            if let decoded = decode(entity) {
                result.append(decoded)
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    private static func decode(_ entity: Substring) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}

/// A position in the page's bytes.
private struct Cursor {
    let bytes: [UInt8]
    var index = 0

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func find(_ byte: UInt8) -> Int? {
        bytes[index...].firstIndex(of: byte)
    }

    func hasPrefix(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.count - index >= needle.count && Array(bytes[index..<index + needle.count]) == needle
    }

    mutating func skip(past text: String) {
        let needle = Array(text.utf8)
        while index < bytes.count {
            if hasPrefix(text) {
                index += needle.count
                return
            }
            index += 1
        }
    }

    mutating func skip(pastCaseInsensitive text: String) {
        let needle = Array(text.lowercased().utf8)
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].map(Self.lowercase) == needle {
                index += needle.count
                return
            }
            index += 1
        }
        index = bytes.count
    }

    static func lowercase(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }

    /// A tag or attribute name, lowercased.
    mutating func readName() -> String {
        let start = index
        while let byte = peek, !Self.isSpace(byte), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/"),
            byte != UInt8(ascii: "=")
        {
            index += 1
        }
        return String(decoding: bytes[start..<index].map(Self.lowercase), as: UTF8.self)
    }

    /// Attributes up to and including the tag's `>`.
    mutating func readAttributes() -> [(String, String)] {
        var attributes: [(String, String)] = []
        while true {
            while let byte = peek, Self.isSpace(byte) || byte == UInt8(ascii: "/") { index += 1 }
            guard let byte = peek else { return attributes }
            if byte == UInt8(ascii: ">") {
                index += 1
                return attributes
            }
            let name = readName()
            if name.isEmpty {
                index += 1  // a stray '=': step over it
                continue
            }
            while let byte = peek, Self.isSpace(byte) { index += 1 }
            guard peek == UInt8(ascii: "=") else {
                attributes.append((name, ""))
                continue
            }
            index += 1
            while let byte = peek, Self.isSpace(byte) { index += 1 }
            attributes.append((name, readValue()))
        }
    }

    private mutating func readValue() -> String {
        guard let quote = peek else { return "" }
        let start: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            start = index
            let end = bytes[index...].firstIndex(of: quote) ?? bytes.count
            index = min(end + 1, bytes.count)
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        start = index
        while let byte = peek, !Self.isSpace(byte), byte != UInt8(ascii: ">") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
