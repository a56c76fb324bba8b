import ArgumentParser
import Foundation
import SitegenCore

extension Sitegen {
    /// `sitegen check`: every stage but Write.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check content, templates and every internal link and #anchor, without writing anything.")

        @OptionGroup var project: ProjectOptions

        func run() throws {
            switch SiteBuilder(options: project.buildOptions).check() {
            case .success(let report):
                printDiagnostics(report.warnings)
                if project.verbose { printStages(report) }
                guard report.brokenLinks.isEmpty else {
                    FileHandle.standardError.write(Data(report.brokenLinks.map { "\($0)\n" }.joined().utf8))
                    let count = report.brokenLinks.count
                    print("Check failed: \(count) broken link\(count == 1 ? "" : "s").")
                    throw ExitCode.failure
                }
                print(String(format: "Checked %d files (%d articles) in %.2fs: no errors, no broken links", report.files, report.articles, report.seconds))
            case .failure(let failure):
                printDiagnostics(failure.warnings + failure.errors)
                print("Check failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s").")
                throw ExitCode.failure
            }
        }
    }
}
