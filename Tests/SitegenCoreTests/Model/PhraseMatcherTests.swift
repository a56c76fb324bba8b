import Testing
@testable import SitegenCore

struct PhraseMatcherTests {
    let matcher = PhraseMatcher([
        (Slug(validating: "lee-jae-myung")!, ["Lee Jae-myung", "President Lee", "Lee"]),
        (Slug(validating: "xi-jinping")!, ["Xi Jinping", "Xi"]),
    ])

    @Test func matchesWholeWordsCaseSensitively() {
        #expect(matcher.counts(in: "Xi met Lee. xi and leeward and Xian do not count.") == [
            Slug(validating: "xi-jinping")!: 1, Slug(validating: "lee-jae-myung")!: 1,
        ])
    }

    @Test func longestAliasWinsAndCountsOnce() {
        #expect(matcher.counts(in: "President Lee Jae-myung hosted Xi Jinping.") == [
            Slug(validating: "lee-jae-myung")!: 1, Slug(validating: "xi-jinping")!: 1,
        ])
    }

    @Test func possessivesStillMatch() {
        #expect(matcher.counts(in: "Xi's plane landed.")[Slug(validating: "xi-jinping")!] == 1)
    }
}
