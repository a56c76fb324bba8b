import Testing
@testable import SitegenCore

struct NewsDateTests {
    @Test func parsesPlainDate() throws {
        let date = try #require(NewsDate(parsing: "2025-11-24"))
        #expect((date.year, date.month, date.day, date.hasTime) == (2025, 11, 24, false))
        #expect(date.iso8601 == "2025-11-24T00:00:00Z")
        #expect(date.display == "24 November 2025")
    }

    @Test func parsesDateTimeWithOffset() throws {
        let date = try #require(NewsDate(parsing: "2025-11-24T21:30:00-05:00"))
        #expect(date.iso8601 == "2025-11-24T21:30:00-05:00")
        #expect(date.instant == NewsDate(parsing: "2025-11-25T02:30:00Z")!.instant)
        #expect(date.rfc822 == "Tue, 25 Nov 2025 02:30:00 +0000")
    }

    @Test(arguments: ["2025-13-45", "2025-02-29", "2025-11-31", "25-11-24", "2025-11-24T25:00", "2025-11-24x", "", "tomorrow"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(NewsDate(parsing: text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(NewsDate(parsing: "2024-02-29") != nil)
    }

    @Test func unixTimeRoundTrips() {
        let date = NewsDate(unixTime: 1_764_000_000)
        #expect(date.instant == 1_764_000_000)
        #expect(date.isoDay == "2025-11-24")
    }
}
