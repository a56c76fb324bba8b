import ArgumentParser
import Foundation
import SitegenCore
import SitegenServer

extension Sitegen {
    /// `sitegen serve`: build, serve Output/, rebuild and reload open pages on every change.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build, serve the output folder, and rebuild and reload open pages when Content/ or Templates/ change.")

        @Option(help: "The address to listen on: 127.0.0.1 (this machine only), ::1, or 0.0.0.0 to open it to the network.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free one.")
        var port = 8000

        @OptionGroup var project: ProjectOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("invalid --port '\(port)' (expected 0 to 65535)") }
            guard DevServer.isValid(host: host) else {
                throw ValidationError("invalid --host '\(host)' (expected an IP address such as 127.0.0.1 or ::1, or localhost)")
            }
        }

        func run() async throws {
            let stop = StopSignal()
            let options = project.buildOptions
            let verbose = project.verbose
            let warnings = LastWarnings()
            let server = DevServer(options: ServeOptions(build: options, host: host, port: UInt16(port))) { event in
                Self.print(event, output: options.paths.displayOutput, verbose: verbose, warnings: warnings)
            }
            let bound: UInt16
            do {
                bound = try await server.start()
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode.failure
            }
            if !["127.0.0.1", "::1", "localhost"].contains(host) {
                FileHandle.standardError.write(Data("warning: listening on \(host): other machines can reach this server\n".utf8))
            }
            let shownHost = host.contains(":") ? "[\(host)]" : host
            Swift.print("Serving \(options.paths.displayOutput) at http://\(shownHost):\(bound)\(server.basePath) "
                + "— watching Content/ and Templates/; press Ctrl-C to stop")
            fflush(nil)
            await stop.wait()
            Swift.print("Stopping…")
            await server.stop()
            Swift.print("Stopped.")
        }

        static func print(_ event: ServeEvent, output: String, verbose: Bool, warnings: LastWarnings) {
            switch event {
            case .built(let report, let trigger):
                if warnings.changed(to: report.warnings) { printDiagnostics(report.warnings) }
                if verbose { printStages(report) }
                if trigger.isEmpty {
                    Swift.print(builtLine(report, output: output))
                } else {
                    Swift.print(String(format: "%@ changed: rebuilt in %.2fs (%d written, %d removed)",
                                       trigger.joined(separator: ", "), report.seconds, report.written, report.removed))
                }
            case .failed(let failure, let trigger):
                _ = warnings.changed(to: failure.warnings)
                printDiagnostics(failure.warnings + failure.errors)
                let what = trigger.isEmpty ? "Build" : trigger.joined(separator: ", ") + " changed: build"
                let count = failure.errors.count
                Swift.print("\(what) failed with \(count) error\(count == 1 ? "" : "s"); still serving the last good site.")
            }
            fflush(nil)  // stdout may be a pipe: show each line now
        }
    }
}

/// Waits for Ctrl-C (SIGINT) or SIGTERM; installed before the server starts.
final class StopSignal: @unchecked Sendable {
    private let queue = DispatchQueue(label: "sitegen.signals")
    private let lock = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = lock.withLock { () -> Bool in
                if fired { return true }
                waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    private func fire() {
        let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            fired = true
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume()
    }
}

/// The warnings printed last, so a rebuild repeats them only when they change.
final class LastWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [String]?

    /// Records `warnings`; true when they differ from the last ones recorded.
    func changed(to warnings: [SitegenError]) -> Bool {
        let lines = warnings.map(\.description)
        return lock.withLock {
            defer { last = lines }
            return lines != last
        }
    }
}
