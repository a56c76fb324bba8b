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

    @Test func writesEveryKindOfOffsetAndYear() throws {
        #expect(try #require(NewsDate(parsing: "2025-01-02T03:04:05+05:30")).iso8601 == "2025-01-02T03:04:05+05:30")
        #expect(try #require(NewsDate(parsing: "0999-12-31T23:59:59-11:00")).iso8601 == "0999-12-31T23:59:59-11:00")
        // Checked against Python's datetime (proleptic Gregorian).
        #expect(NewsDate(unixTime: -62_000_000_000).isoDay == "0005-04-19")
        #expect(NewsDate(unixTime: 200_000_000_000).iso8601 == "8307-10-01T19:33:20Z")
        // A fifth digit of year takes a fifth byte.
        let far = NewsDate(unixTime: 300_000_000_000).iso8601
        #expect(far.hasPrefix("11476-") && far.hasSuffix("T05:20:00Z") && far.utf8.count == 21)
    }

    /// Numbers padded in place give what padding their strings gave, sign and all.
    @Test func paddedTextPadsAsStringsDid() {
        for number in [-12_345, -1_000, -99, -5, -1, 0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 123_456] {
            for width in 0...6 {
                let digits = String(number)
                let expected = String(repeating: "0", count: max(0, width - digits.count)) + digits
                let text = PaddedText.make(capacity: PaddedText.length(of: number, width: width)) {
                    $0.append(number, width: width)
                }
                #expect(text == expected, "\(number) in \(width)")
            }
        }
    }
}
