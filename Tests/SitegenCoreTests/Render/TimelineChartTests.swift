import Testing
@testable import SitegenCore

struct TimelineChartTests {
    func date(_ text: String) -> NewsDate { NewsDate(parsing: text)! }

    @Test func noArticlesNoChart() {
        #expect(TimelineChart().svg(id: "x", subject: "X", dates: []) == nil)
    }

    @Test func chartIsAccessibleAndStatesTheFigures() throws {
        let svg = try #require(TimelineChart().svg(
            id: "xi", subject: "Xi & Lee", dates: [date("2025-10-30"), date("2025-11-24"), date("2025-11-25")]))
        #expect(svg.hasPrefix(#"<svg class="timeline-chart" role="img" aria-labelledby="timeline-xi-title timeline-xi-desc""#))
        #expect(svg.contains(#"<title id="timeline-xi-title">Articles per month about Xi &amp; Lee</title>"#))
        #expect(svg.contains("3 articles from October 2025 to November 2025; the busiest month was November 2025 with 2."))
        #expect(svg.contains(">Month</text>"))
        #expect(svg.contains(">Articles</text>"))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 2)
        #expect(svg.contains("<title>November 2025: 2</title>"))
    }

    @Test func showsAtMostTheNewestThirtySixMonths() throws {
        let dates = (0..<60).map { NewsDate(year: 2020 + $0 / 12, month: $0 % 12 + 1, day: 1) }
        let svg = try #require(TimelineChart().svg(id: "t", subject: "T", dates: dates))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 36)
        #expect(svg.contains("from January 2022 to December 2024"))
    }
}

struct RouteTests {
    let date = NewsDate(parsing: "2025-03-02T23:30:00-05:00")!

    @Test func articleRouteUsesTheDayAsWritten() {
        #expect(Route.article(date, Slug(validating: "truce")!).path == "2025/03/02/truce/")
        #expect(Route.article(date, Slug(validating: "truce")!).file(.md) == "2025/03/02/truce/index.md")
    }

    @Test func pagesAfterTheFirstGetAPageFolder() {
        #expect(Route.home(page: 1).path == "")
        #expect(Route.home(page: 3).path == "page/3/")
        #expect(Route.leader(Slug(validating: "xi-jinping")!, page: 2).path == "leaders/xi-jinping/page/2/")
    }

    @Test func notFoundIsAFileAtTheRoot() {
        #expect(Route.notFound.file(.html) == "404.html")
    }

    @Test func linksKeepTheBasePath() {
        var config = SiteConfig()
        config.baseURL = "https://example.org/news/"
        let links = SiteLinks(config: config)
        #expect(links.href(.topics) == "/news/topics/")
        #expect(links.absolute(.year(2025)) == "https://example.org/news/2025/")
    }
}
