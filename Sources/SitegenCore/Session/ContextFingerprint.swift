import TemplateEngine

/// A 128-bit digest of a page context, to tell whether a page must be rendered again.
///
/// Strings are hashed as UTF-8 bytes (no Unicode normalization, which `String`'s own hashing
/// does and which would make two different byte sequences equal); object members are hashed
/// each on their own and summed, so key order does not matter. Two hashers with different
/// seeds give 128 bits, so an accidental match between an old and a new context is not a
/// practical concern. Digests are compared only within one process.
struct ContextFingerprint: Hashable, Sendable {
    private let first: Int
    private let second: Int

    init(_ value: TemplateValue) {
        var a = Hasher()
        var b = Hasher()
        a.combine(0x5349_5445)
        b.combine(0x4745_4E21)
        Self.combine(value, into: &a)
        Self.combine(value, into: &b)
        first = a.finalize()
        second = b.finalize()
    }

    private static func combine(_ value: TemplateValue, into hasher: inout Hasher) {
        switch value {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let flag):
            hasher.combine(1 as UInt8)
            hasher.combine(flag)
        case .int(let number):
            hasher.combine(2 as UInt8)
            hasher.combine(number)
        case .double(let number):
            hasher.combine(3 as UInt8)
            hasher.combine(number.bitPattern)
        case .string(let text):
            hasher.combine(4 as UInt8)
            combine(text, into: &hasher)
        case .list(let items):
            hasher.combine(5 as UInt8)
            hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        case .object(let members):
            hasher.combine(6 as UInt8)
            hasher.combine(members.count)
            var sum: UInt = 0
            for (key, member) in members {
                var entry = hasher  // seeded by everything before, so the sum differs per hasher
                combine(key, into: &entry)
                combine(member, into: &entry)
                sum &+= UInt(bitPattern: entry.finalize())
            }
            hasher.combine(sum)
        case .shared(let shared):
            combine(shared.value, into: &hasher)  // the same digest as the value it wraps
        }
    }

    private static func combine(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }
}
