import Synchronization
import TemplateEngine

/// A 128-bit digest of a page context, to tell whether a page must be rendered again.
///
/// Strings are hashed as UTF-8 bytes (no Unicode normalization, which `String`'s own hashing
/// does and which would make two different byte sequences equal); object members are hashed
/// each on their own and summed, so key order does not matter. Two hashers with different
/// seeds give 128 bits, so an accidental match between an old and a new context is not a
/// practical concern. Digests are compared only within one process. A shared value adds the
/// digest of the value it wraps, made once per build (`SharedDigests`).
struct ContextFingerprint: Hashable, Sendable {
    private let first: Int
    private let second: Int

    /// The context's digest. A shared value is digested once per `memo`: the same item shows on
    /// many pages of a build (every list it is in, the year archive's 9,900 items at 10,000
    /// articles), and a session's first build spent 60% of its time hashing them again and again.
    init(_ value: TemplateValue, memo: SharedDigests? = nil) {
        var hashers = Hashers()
        Self.combine(value, into: &hashers, memo: memo)
        first = hashers.a.finalize()
        second = hashers.b.finalize()
    }

    /// The two hashers, fed together in one walk of the value.
    private struct Hashers {
        var a = Hasher()
        var b = Hasher()

        init() {
            a.combine(0x5349_5445)
            b.combine(0x4745_4E21)
        }

        mutating func combine(_ value: some Hashable) {
            a.combine(value)
            b.combine(value)
        }
    }

    private static func combine(_ value: TemplateValue, into hashers: inout Hashers, memo: SharedDigests?) {
        switch value {
        case .null:
            hashers.combine(0 as UInt8)
        case .bool(let flag):
            hashers.combine(1 as UInt8)
            hashers.combine(flag)
        case .int(let number):
            hashers.combine(2 as UInt8)
            hashers.combine(number)
        case .double(let number):
            hashers.combine(3 as UInt8)
            hashers.combine(number.bitPattern)
        case .string(let text):
            hashers.combine(4 as UInt8)
            combine(text, into: &hashers)
        case .utf8(let bytes):  // as the same text in a `.string`: the values are equal
            hashers.combine(4 as UInt8)
            bytes.withUnsafeBufferPointer { combine($0, into: &hashers) }
        case .list(let items):
            hashers.combine(5 as UInt8)
            hashers.combine(items.count)
            for item in items { combine(item, into: &hashers, memo: memo) }
        case .object(let members):
            hashers.combine(6 as UInt8)
            hashers.combine(members.count)
            var sums: (UInt, UInt) = (0, 0)
            for (key, member) in members {
                var entry = hashers  // seeded by everything before, so the sum differs per hasher
                combine(key, into: &entry)
                combine(member, into: &entry, memo: memo)
                sums.0 &+= UInt(bitPattern: entry.a.finalize())
                sums.1 &+= UInt(bitPattern: entry.b.finalize())
            }
            hashers.a.combine(sums.0)
            hashers.b.combine(sums.1)
        case .shared(let shared):
            // The digest of the value it wraps, made once per memo.
            let digest = memo?.digest(of: shared) ?? ContextFingerprint(shared.value)
            hashers.combine(7 as UInt8)
            hashers.a.combine(digest.first)
            hashers.b.combine(digest.second)
        }
    }

    private static func combine(_ text: String, into hashers: inout Hashers) {
        var text = text
        text.withUTF8 { combine($0, into: &hashers) }
    }

    private static func combine(_ bytes: UnsafeBufferPointer<UInt8>, into hashers: inout Hashers) {
        hashers.combine(bytes.count)
        hashers.a.combine(bytes: UnsafeRawBufferPointer(bytes))
        hashers.b.combine(bytes: UnsafeRawBufferPointer(bytes))
    }
}

/// The digests of the shared values one build fingerprinted, each made once, from any thread.
/// It holds each value it digested, so that no other value can take its address (its key)
/// while the memo lives.
final class SharedDigests: Sendable {
    private let digests = Mutex<[ObjectIdentifier: (value: TemplateSharedValue, digest: ContextFingerprint)]>([:])
    private let made = Atomic(0)

    /// How many digests were made (for tests: once per shared value, when one thread asks).
    var madeCount: Int { made.load(ordering: .relaxed) }

    func digest(of shared: TemplateSharedValue) -> ContextFingerprint {
        let key = ObjectIdentifier(shared)
        if let known = digests.withLock({ $0[key]?.digest }) { return known }
        // Made outside the lock (it may take long and digest other shared values): two threads
        // may both make it, and they make the same.
        let digest = ContextFingerprint(shared.value, memo: self)
        made.add(1, ordering: .relaxed)
        digests.withLock { $0[key] = (shared, digest) }
        return digest
    }
}
