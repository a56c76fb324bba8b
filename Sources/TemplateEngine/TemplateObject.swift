/// The keys and values of a ``TemplateValue/object(_:)``: a map from names to values, kept in
/// the order the keys were first given.
///
/// Page contexts are made anew for every page, and each is read by a few dozen tags, so the
/// object is made for both. A key is packed into integers once, when it is stored (its first
/// 16 bytes of UTF-8 and its length), and a template's names are packed once, when it is
/// compiled; a lookup then compares those integers entry by entry, where a dictionary hashed
/// the key's whole string at every insertion and at every lookup (in each context frame a
/// name was looked for). An object of more than `indexedCount` keys also keeps an index by
/// key, so a lookup in a large object takes no longer than in a dictionary.
///
/// A key given twice keeps the last value given for it (in the place it was first given).
/// Objects are equal when they have the same keys with equal values, in any order.
public struct TemplateObject: Sendable {
    fileprivate struct Entry: Sendable {
        let key: TemplateKey
        var value: TemplateValue
    }

    private var entries: [Entry] = []
    /// Where each key is in `entries`, once there are more than `indexedCount`.
    private var index: [String: Int]?
    /// Whether there is no index and every key is packed whole (ASCII, at most 16 bytes): a
    /// key is then found by comparing integers alone (`packedPointer(to:)`).
    private var isPacked = true

    /// Objects with more keys than this keep an index by key.
    static let indexedCount = 32

    /// An empty object.
    public init() {}

    /// An object with the keys and values of `pairs`; a repeated key keeps its last value.
    public init(_ pairs: some Sequence<(String, TemplateValue)>) {
        entries = pairs.map { Entry(key: TemplateKey($0.0), value: $0.1) }
        if hasRepeatedKeys {
            let given = entries
            entries = []
            for entry in given { self[entry.key.string] = entry.value }
        }
        reindex()
    }

    /// Whether two entries have the same key. Each ASCII key sets one of 64 bits picked from
    /// its packed bytes, and only a key whose bit is set already is compared with the keys
    /// before it; once a key that is not ASCII appears (it may equal an ASCII one), every key
    /// is. (Literals do not repeat keys, and a few dozen keys make about as many comparisons.)
    private var hasRepeatedKeys: Bool {
        entries.withUnsafeBufferPointer { entries in
            guard let base = entries.baseAddress else { return false }
            var seen: UInt64 = 0
            var comparesAll = false
            for later in entries.indices {
                let key = (base + later).pointer(to: \.key)!
                comparesAll = comparesAll || key.pointee.count < 0
                let mixed = (key.pointee.first ^ (key.pointee.second &* 31) ^ UInt64(truncatingIfNeeded: key.pointee.count))
                let bit: UInt64 = 1 &<< ((mixed &* 0x9E37_79B9_7F4A_7C15) >> 58)
                if comparesAll || seen & bit != 0 {
                    for earlier in 0..<later where key.pointee.isSame(as: (base + earlier).pointer(to: \.key)!) {
                        return true
                    }
                }
                seen |= bit
            }
            return false
        }
    }

    /// An object with the keys and values of `dictionary`.
    public init(_ dictionary: [String: TemplateValue]) {
        entries = dictionary.map { Entry(key: TemplateKey($0.key), value: $0.value) }
        reindex()
    }

    /// How many keys the object has.
    public var count: Int { entries.count }

    /// Whether the object has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys, in the order they were first given.
    public var keys: [String] { entries.map(\.key.string) }

    /// The value of `key`, or nil when the object does not have it; setting nil removes it.
    public subscript(key: String) -> TemplateValue? {
        get { self[TemplateKey(key)] }
        set {
            let packed = TemplateKey(key)
            switch (position(of: packed), newValue) {
            case (let found?, let value?):
                entries[found].value = value
            case (nil, let value?):
                append(packed, value)
            case (let found?, nil):
                entries.remove(at: found)
                reindex()
            case (nil, nil):
                break
            }
        }
    }

    /// The value of a key packed beforehand (a template's names are packed when it is compiled).
    subscript(key: TemplateKey) -> TemplateValue? {
        // The value alone, read in place: `entries[position].value` copied the whole entry first.
        pointer(to: key)?.pointee
    }

    /// Where the value of `key` is, when this object and `key` are packed (`isPacked`): by
    /// integer comparisons alone, so that a caller reading the object in place, through a
    /// pointer, needs no copy of it to stay alive meanwhile; `.unknown` when the object or the
    /// key is not packed.
    @inline(__always)
    func packedPointer(to key: UnsafePointer<TemplateKey>) -> TemplatePackedLookup {
        let (first, second, count) = (key.pointee.first, key.pointee.second, key.pointee.count)
        guard isPacked, key.pointee.isPacked else { return .unknown }
        return entries.withUnsafeBufferPointer { entries in
            guard var entry = entries.baseAddress else { return .absent }
            for _ in 0..<entries.count {
                let stored = entry.pointer(to: \.key)!
                if stored.pointee.first == first, stored.pointee.second == second, stored.pointee.count == count {
                    return .found(entry.pointer(to: \.value)!)
                }
                entry += 1
            }
            return .absent
        }
    }

    /// Where the value of `key` is, or nil when the object does not have it. The pointer is
    /// valid for as long as this object's storage is neither released nor changed: a render
    /// reads its context in place this way, the context living unchanged until it returns.
    func pointer(to key: TemplateKey) -> UnsafePointer<TemplateValue>? {
        guard let position = position(of: key) else { return nil }
        return entries.withUnsafeBufferPointer { ($0.baseAddress! + position).pointer(to: \.value)! }
    }

    /// The object with `transform` applied to every value.
    public func mapValues(_ transform: (TemplateValue) throws -> TemplateValue) rethrows -> TemplateObject {
        var mapped = self
        for position in mapped.entries.indices {
            mapped.entries[position].value = try transform(mapped.entries[position].value)
        }
        return mapped
    }

    private func position(of key: TemplateKey) -> Int? {
        if let index { return index[key.string] }
        // Through a pointer, so that no entry is copied (retained) to be compared.
        return entries.withUnsafeBufferPointer { entries in
            guard var entry = entries.baseAddress else { return nil }
            for position in 0..<entries.count {
                if key.isSame(as: entry.pointer(to: \.key)!) { return position }
                entry += 1
            }
            return nil
        }
    }

    /// Adds a key the object does not have.
    private mutating func append(_ key: TemplateKey, _ value: TemplateValue) {
        entries.append(Entry(key: key, value: value))
        isPacked = isPacked && key.isPacked
        if index != nil {
            index?[key.string] = entries.count - 1
        } else if entries.count > Self.indexedCount {
            reindex()
        }
    }

    private mutating func reindex() {
        guard entries.count > Self.indexedCount else {
            index = nil
            isPacked = entries.allSatisfy(\.key.isPacked)
            return
        }
        isPacked = false
        var index = [String: Int](minimumCapacity: entries.count)
        for (position, entry) in entries.enumerated() { index[entry.key.string] = position }
        self.index = index
    }
}

extension TemplateObject: Sequence {
    /// The keys and values, in the order the keys were first given.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: TemplateValue)> {
        entries.lazy.map { (key: $0.key.string, value: $0.value) }.makeIterator()
    }

    public var underestimatedCount: Int { entries.count }
}

extension TemplateObject: Equatable {
    /// The same keys with equal values, in any order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.entries.allSatisfy { entry in rhs[entry.key] == entry.value }
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// An object from a dictionary literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}

/// A key packed for comparison: an ASCII key's bytes (the first 16 as two integers) and its
/// length. Keys are equal when their strings are, as in a dictionary, so a key that is not
/// ASCII is compared by its string (`"é"` is `"e\u{301}"`, and the Kelvin sign is `"K"`).
struct TemplateKey: Sendable {
    let first: UInt64
    let second: UInt64
    /// The length in bytes of an ASCII key; -1 for any other, whose bytes are not packed.
    let count: Int
    let string: String

    init(_ string: String) {
        var text = string
        var words: (UInt64, UInt64) = (0, 0)
        count = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return -1 }
            withUnsafeMutableBytes(of: &words) { words in
                words.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(16))))
            }
            return bytes.count
        }
        (first, second) = words
        self.string = string
    }

    /// Whether the key is ASCII of at most 16 bytes, all of it in `first` and `second`: two
    /// such keys are equal exactly when their integers are.
    var isPacked: Bool { (0...16).contains(count) }

    /// Whether the key at `stored` is this one: for two ASCII keys of at most 16 bytes, told
    /// by the packed integers alone. (Read through a pointer, field by field, so that a key
    /// compared in place is not copied and retained first.)
    @inline(__always)
    func isSame(as stored: UnsafePointer<TemplateKey>) -> Bool {
        if stored.pointee.first == first, stored.pointee.second == second, stored.pointee.count == count {
            return (0...16).contains(count) || stored.pointee.string == string
        }
        return (count < 0 || stored.pointee.count < 0) && stored.pointee.string == string
    }
}

/// What `TemplateObject.packedPointer(to:)` found.
enum TemplatePackedLookup {
    /// The value is there.
    case found(UnsafePointer<TemplateValue>)
    /// The object has no such key.
    case absent
    /// The object or the key is not packed: look with `pointer(to:)`.
    case unknown
}
