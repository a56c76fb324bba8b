import ArgumentParser
import Foundation
import SitegenCore

extension Sitegen {
    /// `sitegen check`: every stage but Write.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check content and templates as a build would, without writing anything.")

        @OptionGroup var project: ProjectOptions

        func run() throws {
            switch SiteBuilder(options: project.buildOptions).check() {
            case .success(let report):
                printDiagnostics(report.warnings)
                if project.verbose { printStages(report) }
                print(String(format: "Checked %d files (%d articles) in %.2fs: no errors", report.files, report.articles, report.seconds))
            case .failure(let failure):
                printDiagnostics(failure.warnings + failure.errors)
                print("Check failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s").")
                throw ExitCode.failure
            }
        }
    }
}
