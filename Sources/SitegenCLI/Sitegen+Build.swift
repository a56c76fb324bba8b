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
                print(builtLine(report, output: options.paths.displayOutput))
            case .failure(let failure):
                printDiagnostics(failure.warnings + failure.errors)
                print("Build failed with \(counted(failure.errors.count, "error")); nothing was written.")
                throw ExitCode.failure
            }
        }
    }
}

func printStages(_ report: BuildReport) {
    for (index, lap) in report.stageTimes.enumerated() {
        print(
            String(
                format: "[%d/%d] %@ %.3fs (CPU %.3fs)", index + 1, report.stageTimes.count, lap.stage, lap.seconds,
                lap.cpuSeconds))
    }
    if report.staticCopiesKept > 0 {
        print("Static files: \(report.staticCopiesKept) known unchanged by their stamps, not read")
    }
}
