import ArgumentParser
import Foundation
import SitegenCore

extension Sitegen {
    /// `sitegen build`: Content/ + Templates/ → Output/.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into the output folder; on any error, write nothing.")

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let options = project.buildOptions
            switch SiteBuilder(options: options).build() {
            case .success(let report):
                printDiagnostics(report.warnings)
                if project.verbose { printStages(report) }
                let output = options.paths.displayOutput
                print(String(format: "Built %d files (%d articles) in %.2fs → %@ (%d written, %d unchanged, %d removed)",
                             report.files, report.articles, report.seconds, output, report.written, report.unchanged, report.removed))
            case .failure(let failure):
                printDiagnostics(failure.warnings + failure.errors)
                print("Build failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s"); nothing was written.")
                throw ExitCode.failure
            }
        }
    }
}

func printStages(_ report: BuildReport) {
    for (index, lap) in report.stageTimes.enumerated() {
        print(String(format: "[%d/%d] %@ %.3fs", index + 1, report.stageTimes.count, lap.stage, lap.seconds))
    }
}
