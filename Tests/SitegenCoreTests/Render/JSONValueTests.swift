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
}
