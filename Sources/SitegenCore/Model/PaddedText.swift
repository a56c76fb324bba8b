/// Short text of numbers padded with zeros and literal pieces (`2025-11-24T21:30:00Z`,
/// `2025/11/24/slug/`), written straight into the new string's bytes: dates and paths are
/// made for every page, and padding each number as a string of its own took six allocations.
struct PaddedText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// The text `write` makes, at most `capacity` bytes.
    static func make(capacity: Int, _ write: (inout PaddedText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = PaddedText(buffer)
            write(&text)
            return text.count
        }
    }

    /// `number` padded with zeros to `width` digits, as a string of its own.
    static func padded(_ number: Int, width: Int = 2) -> String {
        make(capacity: length(of: number, width: width)) { $0.append(number, width: width) }
    }

    /// The bytes `make` would need for `number` padded to `width`.
    static func length(of number: Int, width: Int) -> Int {
        number >= 0 && number < 10_000 ? max(width, number < 10 ? 1 : number < 100 ? 2 : number < 1_000 ? 3 : 4)
            : max(width, String(number).utf8.count)
    }

    /// `number` in decimal with zeros before it up to `width` digits, as
    /// `String(repeating: "0", count: width - digits) + String(number)` would write it.
    mutating func append(_ number: Int, width: Int) {
        guard number >= 0, number < 10_000 else {
            let digits = String(number)
            for _ in 0..<max(0, width - digits.utf8.count) { append(byte: UInt8(ascii: "0")) }
            append(digits)
            return
        }
        let digits = number < 10 ? 1 : number < 100 ? 2 : number < 1_000 ? 3 : 4
        for _ in 0..<max(0, width - digits) { append(byte: UInt8(ascii: "0")) }
        var divisor = [1, 10, 100, 1_000][digits - 1]
        while divisor > 0 {
            append(byte: UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            precondition(count + utf8.count <= buffer.count, "PaddedText: capacity too small")
            guard let source = utf8.baseAddress else { return }
            (buffer.baseAddress! + count).initialize(from: source, count: utf8.count)
            count += utf8.count
        }
    }

    mutating func append(byte: UInt8) {
        precondition(count < buffer.count, "PaddedText: capacity too small")
        buffer[count] = byte
        count += 1
    }
}

/// Integers written in decimal straight into a byte buffer, for text made by the thousand
/// (search postings, build stamps): `String(number)` made a string of each.
enum DecimalDigits {
    /// `number` in decimal, with a minus sign when negative.
    static func append(_ number: Int64, to bytes: inout [UInt8]) {
        append(number.magnitude, negative: number < 0, to: &bytes)
    }

    /// `magnitude` in decimal, after a minus sign when `negative`.
    static func append(_ magnitude: UInt64, negative: Bool, to bytes: inout [UInt8]) {
        if negative { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        var rest = magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }
}
