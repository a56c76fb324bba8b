import Foundation
import MarkdownHTML
import Testing
@testable import SitegenCore

struct ArticleParserTests {
    let parser = ArticleParser(renderer: MarkdownRenderer())
    let path = "Content/articles/a.md"

    func parse(_ text: String) -> ParseOutcome<ParsedArticle> {
        parser.parse(SourceFile(path: path, text: text))
    }

    func at(_ line: Int, _ column: Int) -> SitegenCore.SourceLocation { SitegenCore.SourceLocation(path: path, line: line, column: column) }

    @Test func parsesFrontMatterAndBody() throws {
        let outcome = parse("---\ntitle: Truce holds\ndate: 2025-11-24\nleaders: [xi-jinping]\n---\nFirst *para*.\n")
        let article = try #require(outcome.value)
        #expect(outcome.diagnostics.isEmpty)
        #expect(article.title == "Truce holds")
        #expect(article.slug.rawValue == "truce-holds")
        #expect(article.leaderRefs == [Located(value: "xi-jinping", location: at(4, 11))])
        #expect(article.topicRefs == nil)
        #expect(try article.articleBody.html() == "<p>First <em>para</em>.</p>\n")
    }

    /// A title is empty when trimming `CharacterSet.whitespaces` leaves nothing of it.
    @Test(arguments: ["\" \"", "\"\\t \\u3000\"", "\"\\u00A0\"", "\"\\u200B\"", "\"\\n\"", "\" a \"", "\"\\u2028\"", "\"\\u0301\""])
    func blankTitleIsAnError(quoted: String) throws {
        let outcome = parse("---\ntitle: \(quoted)\ndate: 2025-11-24\n---\n")
        let title = try #require(FrontMatterParser.composeWithBasicResolver("title: \(quoted)")?.mapping?["title"]?.string)
        #expect(outcome.diagnostics.contains { $0.reason == .emptyTitle } == title.trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test func unterminatedFrontMatterIsAnError() {
        #expect(parse("---\ntitle: x\n").diagnostics == [SitegenError(.unterminatedFrontMatter, at: at(1, 1))])
    }

    @Test func invalidYAMLPointsIntoTheFile() {
        let diagnostics = parse("---\ntitle: x\ndate: [2025\n---\n").diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.description.contains("error: invalid YAML") == true)
    }

    @Test func badDateNamesValueAndPosition() {
        #expect(parse("---\ntitle: x\ndate: 2025-13-45\n---\n").diagnostics == [
            SitegenError(.invalidDate("2025-13-45"), at: at(3, 7))
        ])
    }

    @Test func missingTitleAndDate() {
        #expect(parse("---\nsummary: s\n---\n").diagnostics == [
            SitegenError(.missingKey("title", expected: "a headline, such as 'title: Trump and Xi agree to a truce'"), at: at(1, 1)),
            SitegenError(.missingKey("date", expected: "a date such as 'date: 2025-11-24'"), at: at(1, 1)),
        ])
    }

    @Test func wrongTypeForLeaders() {
        #expect(parse("---\ntitle: x\ndate: 2025-01-01\nleaders: {a: b}\n---\n").diagnostics == [
            SitegenError(.wrongType(key: "leaders", expected: "a list of leader ids, such as [xi-jinping, donald-trump]"), at: at(4, 10))
        ])
    }

    @Test func pathSlugIsAnError() {
        #expect(parse("---\ntitle: x\ndate: 2025-01-01\nslug: ../../x\n---\n").diagnostics == [
            SitegenError(.invalidSlug("../../x"), at: at(4, 7))
        ])
    }

    @Test func unknownKeyIsAWarningWithHint() {
        let outcome = parse("---\ntitle: x\ndate: 2025-01-01\nsumary: s\n---\n")
        #expect(outcome.value != nil)
        #expect(outcome.diagnostics.map(\.description) == [
            "Content/articles/a.md:4:1: warning: unknown key 'sumary' is ignored (did you mean 'summary'?)"
        ])
    }
}
