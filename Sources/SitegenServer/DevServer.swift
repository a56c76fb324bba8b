import FlyingFox
import FlyingSocks
import Foundation
import SitegenCore

/// What `sitegen serve` was asked to do.
public struct ServeOptions: Sendable {
    /// The build's options, as for `sitegen build`.
    public var build: BuildOptions
    /// The address to listen on: an IPv4 or IPv6 address, or `localhost`.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: UInt16
    /// Seconds of quiet after the last file event before rebuilding, so an editor's burst
    /// of writes and renames gives one build.
    public var debounce: Double

    /// Creates options; by default the server is reachable from this machine only.
    public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, debounce: Double = 0.15) {
        self.build = build
        self.host = host
        self.port = port
        self.debounce = debounce
    }
}

/// What the server tells the terminal.
public enum ServeEvent: Sendable {
    /// A build succeeded; `trigger` lists the changed source files (empty for the first build).
    case built(BuildReport, trigger: [String])
    /// A build failed and wrote nothing; the last good site is still served.
    case failed(BuildFailure, trigger: [String])
}

/// The development server: builds the site, serves the output folder, watches `Content/`
/// and `Templates/`, rebuilds after a change and tells open pages to reload.
///
/// Every rebuild runs a `SiteSession` build: it re-parses only changed files, re-renders only
/// the pages whose context changed, writes only the files
/// whose bytes changed (atomically), and on an error writes nothing, so a page is never
/// stale and the last good site stays served. Rebuilds run one at a time on one queue.
public final class DevServer: @unchecked Sendable {
    private let options: ServeOptions
    private let report: @Sendable (ServeEvent) -> Void
    private let hub: EventHub
    private let token = String(UInt32.random(in: 0x100000...0xFFFFFF), radix: 16)
    private let queue = DispatchQueue(label: "sitegen.rebuild")
    private let lock = NSLock()
    private var currentBasePath = "/"
    // Touched only on `queue`:
    private var pending: DispatchWorkItem?
    private var triggers: [String] = []
    private var generation = 0
    /// Remembers parses and rendered pages between rebuilds, so an edit re-renders only the
    /// pages it affects (output is byte-identical to a fresh build).
    private lazy var session = SiteSession(options: options.build)
    // Touched only by start() and stop():
    private var watcher: FileWatcher?
    private var server: HTTPServer?
    private var serverTask: Task<Void, Never>?
    private var pingTask: Task<Void, Never>?

    /// Creates a server; nothing happens until `start()`.
    public init(options: ServeOptions, report: @escaping @Sendable (ServeEvent) -> Void) {
        self.options = options
        self.report = report
        hub = EventHub(build: "\(token)-0")
    }

    /// The site's base path as last built: the server mounts the site there.
    public var basePath: String { lock.withLock { currentBasePath } }

    /// Whether `host` is an address this server can listen on.
    public static func isValid(host: String) -> Bool { (try? address(host: host, port: 0)) != nil }

    /// Starts watching, builds once, then listens; returns the port it listens on.
    public func start() async throws -> UInt16 {
        let paths = options.build.paths
        do {
            watcher = try FileWatcher(roots: paths.sourceFolders) { [weak self] changed in self?.changed(changed) }
        } catch let failure as FileWatcher.Failure {
            throw ServeError(description: failure.description)
        }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async {
                self.rebuild()
                done.resume()
            }
        }
        let responder = SiteResponder(files: OutputFiles(root: paths.outputFolder), hub: hub) { [weak self] in
            self?.basePath ?? "/"
        }
        let server = HTTPServer(
            config: HTTPServer.Configuration(address: try Self.address(host: options.host, port: options.port),
                                             timeout: 30, logger: .disabled),
            handler: responder)
        self.server = server
        let failure = FailureBox()
        serverTask = Task { do { try await server.run() } catch { failure.set(error) } }
        do {
            try await Self.waitUntilListening(server, failure: failure)
        } catch {
            await stop()
            throw ServeError(description: "cannot listen on \(options.host) port \(options.port): \(Self.reason(error))"
                + " (hint: pass --port with a free port, or --port 0 for any free port)")
        }
        pingTask = Task { [hub] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                hub.ping()
            }
        }
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return options.port
        }
    }

    /// Stops watching, ends every event stream, closes the server and waits for a running
    /// rebuild to finish.
    public func stop() async {
        watcher?.stop()
        watcher = nil
        pingTask?.cancel()
        hub.close()
        await server?.stop(timeout: 1)
        await serverTask?.value
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async {
                self.pending?.cancel()
                done.resume()
            }
        }
    }

    /// Schedules a rebuild once file events have been quiet for the debounce interval.
    private func changed(_ paths: [String]) {
        queue.async {
            self.triggers += paths
            self.pending?.cancel()
            let item = DispatchWorkItem { [weak self] in self?.rebuild() }
            self.pending = item
            self.queue.asyncAfter(deadline: .now() + self.options.debounce, execute: item)
        }
    }

    /// Runs one build and tells the terminal and open pages. Runs on `queue`.
    private func rebuild() {
        // Editors' temporary files are gone by now; name what is left (or, for deletions, all).
        let existing = triggers.filter { FileManager.default.fileExists(atPath: $0) }
        let trigger = Array(Set((existing.isEmpty ? triggers : existing).map(options.build.paths.displayPath))).sorted()
        let changedPaths = triggers
        triggers = []
        pending = nil
        let builder = SiteBuilder(options: options.build)
        let base = builder.basePath()
        if generation == 0 { lock.withLock { currentBasePath = base } }  // no good site yet to keep mounted
        // The watcher's list, unless events were lost: then every file is looked at.
        switch session.build(changed: changedPaths.contains(FileWatcher.overflowed) ? nil : changedPaths) {
        case .success(let result):
            lock.withLock { currentBasePath = base }
            generation += 1
            let changed = result.changedFiles.map { base + $0 }
            report(.built(result, trigger: trigger))  // the terminal first, then the pages
            hub.publish(ReloadEvent(name: "reload", build: "\(token)-\(generation)", changed: changed))
        case .failure(let failure):
            let lines = failure.errors.map(\.description)
            report(.failed(failure, trigger: trigger))
            hub.publish(ReloadEvent(name: "failed", build: "\(token)-\(generation)", errors: lines))
        }
    }

    private static func address(host: String, port: UInt16) throws -> any SocketAddress {
        if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
        if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
        return try sockaddr_in.inet(ip4: host, port: port)
    }

    /// Waits (at most 10 s) until the server listens, or throws why it could not.
    private static func waitUntilListening(_ server: HTTPServer, failure: FailureBox) async throws {
        for _ in 0..<2000 {
            if let error = failure.error { throw error }
            if await server.isListening { return }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        throw ServeError(description: "it did not start listening within 10 seconds")
    }

    private static func reason(_ error: any Error) -> String {
        if case SocketError.failed(_, _, let message) = error { return message }
        return (error as? ServeError)?.description ?? error.localizedDescription
    }
}

/// Why the server could not start.
public struct ServeError: Error, CustomStringConvertible {
    /// The message, without the `error:` prefix.
    public var description: String
}

/// The error a background task ended with, if any.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}
