import TemplateEngine

/// A JSON value with ordered object keys, serialized deterministically. Used for JSON-LD
/// and JSON Feed, where output must be byte-stable and safe inside `<script>`.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Compact JSON. `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, so the text
    /// can stand inside an HTML `<script>` element whatever the strings contain.
    func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)  // a page's JSON-LD, without growing three times
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact JSON's UTF-8 bytes to `out`.
    func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .int(let value): out += String(value).utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .null: out += "null".utf8
        // By index, reading each member in place: `enumerated()` copied (retained) each
        // member, key and value, on the way.
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                items[index].write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for index in members.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(members[index].0, to: &out)
                out.append(UInt8(ascii: ":"))
                members[index].1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // A native string's bytes are read where they are; only another kind is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, to: &bytes) }) == nil {
            var copy = text
            copy.withUTF8 { writeEscaped($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The UTF-8 of a string's text, escaped for JSON inside `<script>`.
    private static func writeEscaped(_ source: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var runStart = 0, index = 0
        while index < source.count {
            // Eight bytes at a time while none of them can need an escape.
            if index &+ 8 <= source.count,
                !mayNeedEscape(UnsafeRawPointer(source.baseAddress! + index).loadUnaligned(as: UInt64.self))
            {
                index &+= 8
                continue
            }
            let byte = source[index]
            // Most bytes need nothing: copy them in runs.
            guard needsEscape(byte) else {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            index += 1
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
            case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
            case UInt8(ascii: "<"): bytes += #"\u003c"#.utf8
            case UInt8(ascii: ">"): bytes += #"\u003e"#.utf8
            case UInt8(ascii: "&"): bytes += #"\u0026"#.utf8
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if index + 1 < source.count, source[index] == 0x80, source[index + 1] == 0xA8 || source[index + 1] == 0xA9 {
                    bytes += (source[index + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                    index += 2
                } else {
                    bytes.append(byte)
                }
            default:  // the other control characters
                let hex = String(byte, radix: 16)
                bytes += "\\u".utf8
                bytes += String(repeating: "0", count: 4 - hex.count).utf8
                bytes += hex.utf8
            }
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
    }

    /// Whether `byte` needs an escape: a control character, `"`, a backslash, `<`, `>`, `&`, or
    /// 0xE2, which starts U+2028 and U+2029.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2: true
        default: false
        }
    }

    /// Whether some of the eight bytes in `word` may need an escape (`needsEscape`).
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        EightBytes.bytes(below: 0x20, in: word) | EightBytes.bytes(0x22, in: word) | EightBytes.bytes(0x5C, in: word)
            | EightBytes.bytes(0x3C, in: word) | EightBytes.bytes(0x3E, in: word) | EightBytes.bytes(0x26, in: word)
            | EightBytes.bytes(0xE2, in: word) != 0
    }
}

