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
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let needsEscape = Self.needsEscape  // a global read once, not once per byte
        text.withUTF8 { source in
            var runStart = 0, index = 0
            while index < source.count {
                // Eight bytes at a time while none of them can need an escape.
                if index &+ 8 <= source.count,
                    !PackedASCII.containsJSONSpecial(UnsafeRawPointer(source.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index &+= 8
                    continue
                }
                let byte = source[index]
                // Most bytes need nothing: copy them in runs.
                guard byte < 0x20 || byte == 0xE2 || needsEscape.contains(byte) else {
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
        bytes.append(UInt8(ascii: "\""))
    }

    /// The printable ASCII bytes written as escapes: `"`, `\\`, `<`, `>` and `&`.
    private static let needsEscape = EscapedBytes("\"\\<>&")
}

/// A set of ASCII bytes as a 128-bit mask: a value that is copied, not a global array read
/// through a lazy initializer on each byte.
struct EscapedBytes: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ bytes: String) {
        for byte in bytes.utf8 {
            precondition(byte < 0x80, "ASCII bytes only")
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte &- 64)) != 0
    }
}
