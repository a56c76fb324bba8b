import Foundation

/// Debian's `chromium --headless`, run to print a page's DOM after its scripts have run.
enum HeadlessChromium {
    /// The chromium executable on PATH (`chromium`, as Debian names it), or nil.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    static var isInstalled: Bool { executable != nil }

    /// Thrown in CI when chromium is not on PATH.
    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium is not on PATH; .ci/run installs it with apt-get install chromium" }
    }

    /// Whether this run is in CI, where the browser test must not be skipped.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// The DOM of `url` after up to five seconds of virtual time, as `--dump-dom` prints it.
    /// A fresh profile folder each time, so runs never share state; killed after 90 seconds.
    static func dumpDOM(_ url: String) throws -> String {
        guard let executable else { throw Missing() }
        let profile = TemporaryDirectory()
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.url.path)", "--virtual-time-budget=5000", "--dump-dom", url,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of the element with `id` in a dumped DOM, with HTML's escapes undone.
    static func text(ofElement id: String, in dom: String) -> String? {
        guard let start = dom.range(of: "id=\"\(id)\""), let open = dom[start.upperBound...].firstIndex(of: ">"),
            let close = dom[open...].range(of: "</")
        else { return nil }
        return String(dom[dom.index(after: open)..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
