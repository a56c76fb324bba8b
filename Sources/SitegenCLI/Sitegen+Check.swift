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
                    print("Check failed: \(counted(report.brokenLinks.count, "broken link")).")
                    throw ExitCode.failure
                }
                print(String(format: "Checked %@ (%@) in %.2fs: no errors, no broken links",
                             counted(report.files, "file"), counted(report.articles, "article"), report.seconds))
            case .failure(let failure):
                printDiagnostics(failure.warnings + failure.errors)
                print("Check failed with \(counted(failure.errors.count, "error")).")
                throw ExitCode.failure
            }
        }
    }
}
