import Foundation
import Testing
@testable import SitegenCore

/// Each folder in `Fixtures/warnings/` is a site that builds, with warnings; its
/// `expected-warnings.txt` holds the exact warning lines. `SITEGEN_RECORD=1` rewrites them.
struct WarningSiteTests {
    static let cases: [String] = {
        let folder = FixtureSite.fixtures.appendingPathComponent("warnings")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func thereAreWarningFixtures() {
        #expect(Self.cases.count >= 3)
    }

    @Test(arguments: cases)
    func buildsAndReportsExactWarnings(_ name: String) throws {
        let site = FixtureSite("warnings/\(name)")
        let expectedURL = site.fixture.appendingPathComponent("expected-warnings.txt")
        let report: BuildReport
        switch site.build() {
        case .success(let built): report = built
        case .failure(let failure):
            Issue.record("\(name): the build failed: \(failure.errors.map(\.description))")
            return
        }
        let lines = report.warnings.map(\.description).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1" {
            try lines.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(lines == (try String(contentsOf: expectedURL, encoding: .utf8)))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }
}
