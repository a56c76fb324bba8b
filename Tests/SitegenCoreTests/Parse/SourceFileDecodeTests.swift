import Testing

@testable import SitegenCore

/// `SourceFile.decode` lets Swift validate UTF-8 and asks `firstInvalidUTF8Offset` only where
/// to report an error, so the two must accept exactly the same byte sequences.
struct SourceFileDecodeTests {
    /// Continuation bytes at the edges of every range a lead byte allows.
    static let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF5, 0xFF]

    @Test func swiftAcceptsWhatTheOffsetScanAccepts() {
        var sequences: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for lead in 0...255 {
            for second in 0...255 { sequences.append([UInt8(lead), UInt8(second)]) }
        }
        for lead in 0xC0...0xFF {
            for a in Self.edges {
                for b in Self.edges {
                    sequences.append([UInt8(lead), a, b])
                    for c in Self.edges { sequences.append([UInt8(lead), a, b, c]) }
                }
            }
        }
        var disagreements: [[UInt8]] = []
        for bytes in sequences + sequences.map({ Array("ok ".utf8) + $0 + Array(" ok".utf8) })
        where (String(validating: bytes, as: UTF8.self) == nil) != (SourceFile.firstInvalidUTF8Offset(in: bytes) != nil) {
            disagreements.append(bytes)
        }
        #expect(disagreements.isEmpty)
    }

    @Test func decodesAndReportsTheFirstBadByte() {
        #expect(SourceFile.decode(Array("\u{FEFF}a\r\nb\rc “d”".utf8)) == .success("a\nb\nc “d”"))
        #expect(SourceFile.decode(Array("abc".utf8) + [0xE2, 0x80] + Array("d".utf8)) == .failure(.init(byteOffset: 3)))
        #expect(SourceFile.decode([0xED, 0xA0, 0x80]) == .failure(.init(byteOffset: 0)))  // a surrogate
    }
}
