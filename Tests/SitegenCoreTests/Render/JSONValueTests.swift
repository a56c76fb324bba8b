import Foundation
import Testing
@testable import SitegenCore

struct JSONValueTests {
    @Test func escapesWhatJSONAndScriptElementsNeed() {
        let text = "a\"b\\c\nd\re\tf</script><!--&\u{01}\u{1F}\u{2028}\u{2029}\u{2027}é—习"
        #expect(JSONValue.string(text).serialized()
            == #""a\"b\\c\nd\re\tf\u003c/script\u003e\u003c!--\u0026\u0001\u001f\u2028\u2029"# + "\u{2027}é—习\"")
    }

    @Test func keepsKeyOrderAndNests() {
        let value = JSONValue.object([
            ("z", .int(-3)), ("a", .array([.bool(true), .null, .string("")])), ("m", .object([])),
        ])
        #expect(value.serialized() == #"{"z":-3,"a":[true,null,""],"m":{}}"#)
    }

    /// Whatever the text, the output parses back to it.
    @Test(arguments: ["", "plain", "\u{0}\u{7F}\u{E2}\u{80}", "\u{2028}x\u{2029}", "“quoted” <b>&amp;</b>", "\u{1F600}\u{E2}"])
    func roundTripsThroughJSONSerialization(_ text: String) throws {
        let data = Data(JSONValue.array([.string(text)]).serialized().utf8)
        #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [text])
    }

    /// Strings are scanned eight bytes at a time: each character that needs an escape, put at
    /// every offset of a long string, is escaped exactly as when it stands alone.
    @Test func escapesAtEveryOffsetOfALongString() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2027}", "é", "\u{7F}", " "] {
            let alone = JSONValue.string(special).serialized().dropFirst().dropLast()
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset)
                let expected = "\"" + String(repeating: "a", count: offset) + alone + String(repeating: "b", count: 19 - offset) + "\""
                #expect(JSONValue.string(text).serialized() == expected, "\(special.debugDescription) at \(offset)")
            }
        }
    }

    @Test func eightByteTestsFindEveryByte() {
        for byte in 0...255 {
            for position in 0..<8 {
                let word = UInt64(byte) << (8 * UInt64(position)) | (0x6161_6161_6161_6161 & ~(0xFF << (8 * UInt64(position))))
                let expected = byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
                #expect(JSONValue.mayNeedEscape(word) == expected, "\(byte) at \(position)")
            }
        }
    }
}
