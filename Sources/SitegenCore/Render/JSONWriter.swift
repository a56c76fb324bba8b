/// Compact JSON written straight into bytes as it is made, escaped as `JSONValue` escapes it
/// (safe inside `<script>`). For the JSON-LD of every page: building a `JSONValue` tree
/// first, then walking it, cost more than the writing (3.6% of a 10,000-article build).
///
///     var json = JSONWriter()
///     json.object { json in
///         json.member("@type", "Person")
///         json.member("name", leader.name)
///     }
///     json.bytes  // {"@type":"Person","name":"…"}
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value, member or item follows another one and needs a comma.
    private var followsValue = false

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// An object, with the members `members` writes.
    mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    /// An array, with the items `items` writes.
    mutating func array(_ items: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        items(&self)
        close(UInt8(ascii: "]"))
    }

    /// A member's key: the next value written is its value. Keys are sitegen's own names
    /// (`@type`, `headline`), written as they are.
    mutating func key(_ name: StaticString) {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { name in
            assert(name.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
            bytes.append(contentsOf: name)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    mutating func string(_ text: String) {
        separate()
        JSONValue.writeString(text, to: &bytes)
        followsValue = true
    }

    mutating func int(_ value: Int) {
        separate()
        DecimalDigits.append(Int64(value), to: &bytes)
        followsValue = true
    }

    mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    /// A member whose value is the object `members` writes.
    mutating func member(_ name: StaticString, object members: (inout JSONWriter) -> Void) {
        key(name)
        object(members)
    }

    /// A member whose value is the array `items` writes.
    mutating func member(_ name: StaticString, array items: (inout JSONWriter) -> Void) {
        key(name)
        array(items)
    }

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        followsValue = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        followsValue = true
    }
}
