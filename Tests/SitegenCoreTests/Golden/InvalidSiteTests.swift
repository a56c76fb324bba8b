import Foundation
import Testing
@testable import SitegenCore

/// Each folder in `Fixtures/invalid/` is a site with mistakes; its `expected-errors.txt`
/// holds the exact diagnostics, one per line. A failed build must write nothing.
struct InvalidSiteTests {
    static let cases: [String] = {
        let folder = FixtureSite.fixtures.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func thereAreInvalidFixtures() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases)
    func reportsExactErrorsAndWritesNothing(_ name: String) throws {
        let site = FixtureSite("invalid/\(name)")
        let expected = try String(contentsOf: site.fixture.appendingPathComponent("expected-errors.txt"), encoding: .utf8)
        guard case .failure(let failure) = site.build() else {
            Issue.record("\(name): the build succeeded")
            return
        }
        let lines = (failure.warnings + failure.errors).map(\.description).joined(separator: "\n") + "\n"
        #expect(lines == expected)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "\(name): Output/ was created")
    }
}
