import Testing

@testable import TemplateEngine

/// XML 1.0 forbids C0 control characters other than tab, LF and CR, even as character
/// references, so `.xml` escaping drops them; a stray control character in a raw wire text
/// must not make a feed unparseable.
struct XMLControlCharacterTests {
    @Test func xmlDropsForbiddenControlCharacters() throws {
        let value: TemplateValue = ["x": "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g"]
        #expect(try render("{{x}}", value, escaping: .xml) == "abcdefg")
    }

    @Test func xmlKeepsTabLineFeedAndCarriageReturn() throws {
        #expect(try render("{{x}}", ["x": "a\tb\nc\rd"], escaping: .xml) == "a\tb\nc\rd")
    }

    @Test func htmlKeepsControlCharacters() throws {
        #expect(try render("{{x}}", ["x": "a\u{B}b"], escaping: .html) == "a\u{B}b")
    }
}
