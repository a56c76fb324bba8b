import Foundation
import Testing
@testable import SitegenCore

struct JSONWriterTests {
    /// Commas go between members and items at every depth, never before the first one, and
    /// strings are escaped as `JSONValue` escapes them.
    @Test func writesWhatTheSameJSONValueSerializes() {
        var json = JSONWriter()
        json.object { json in
            json.member("z", -3)
            json.member("a", array: { json in
                json.string("</script>")
                json.object { _ in }
                json.array { json in json.int(0) }
                json.string("\u{2028}\"")
            })
            json.member("m", object: { json in
                json.member("k", "v")
                json.key("n")
                json.object { json in json.member("deep", 1) }
            })
            json.member("e", array: { _ in })
        }
        let value = JSONValue.object([
            ("z", .int(-3)),
            ("a", .array([.string("</script>"), .object([]), .array([.int(0)]), .string("\u{2028}\"")])),
            ("m", .object([("k", .string("v")), ("n", .object([("deep", .int(1))]))])),
            ("e", .array([])),
        ])
        #expect(String(decoding: json.bytes, as: UTF8.self) == value.serialized())
        #expect(
            String(decoding: json.bytes, as: UTF8.self)
                == #"{"z":-3,"a":["\u003c/script\u003e",{},[0],"\u2028\""],"m":{"k":"v","n":{"deep":1}},"e":[]}"#)
    }

    /// Two values in a row, at the top: each after a comma, as items of a list would be.
    @Test func separatesTopLevelValues() {
        var json = JSONWriter()
        json.int(Int.min)
        json.string("")
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"-9223372036854775808,"""#)
    }
}
