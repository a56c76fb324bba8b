import FlyingSocks
import Foundation

/// One Server-Sent Event for the live-reload client.
struct ReloadEvent: Sendable, Equatable {
    /// `hello`, `reload` or `failed`.
    var name: String
    /// The build the site now is, e.g. `4f3a9c-3`.
    var build: String
    /// URL paths of the output files that changed (`/2025/11/24/truce/index.html`).
    var changed: [String] = []
    /// The last build's error lines, when it failed.
    var errors: [String] = []

    private struct Payload: Encodable {
        var build: String
        var changed: [String]
        var errors: [String]
    }

    /// `event: NAME\ndata: JSON\n\n`; JSON escapes every newline, so the data is one line.
    var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(Payload(build: build, changed: changed, errors: errors))) ?? Data("{}".utf8)
        return Array("event: \(name)\ndata: ".utf8) + [UInt8](json) + Array("\n\n".utf8)
    }
}

/// The live state of the site (its build and last errors), and every open
/// `/__sitegen/events` stream. Publishing and subscribing share one lock, so a new stream's
/// `hello` and the events after it never miss a build in between.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var isClosed = false
    private var latest: ReloadEvent

    /// Starts with the first build's id.
    init(build: String) { latest = ReloadEvent(name: "hello", build: build) }

    /// The current build id, written into served pages.
    var build: String { lock.withLock { latest.build } }

    /// Open streams.
    var count: Int { lock.withLock { streams.count } }

    /// A new stream that starts with a reconnect delay and a `hello` event for the current build.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(32))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
        }
        let closed = lock.withLock { () -> Bool in
            guard !isClosed else { return true }
            var hello = latest
            hello.name = "hello"
            hello.changed = []
            continuation.yield(Array("retry: 1000\n\n".utf8) + hello.bytes)
            streams[id] = continuation
            return false
        }
        if closed { continuation.finish() }
        return stream
    }

    /// Makes `event` the site's state and sends it to every open stream.
    func publish(_ event: ReloadEvent) {
        lock.withLock {
            latest = event
            let bytes = event.bytes
            for stream in streams.values { stream.yield(bytes) }
        }
    }

    /// Sends a comment line, so streams to closed browser tabs are noticed and dropped.
    func ping() {
        lock.withLock {
            for stream in streams.values { stream.yield(Array(": ping\n\n".utf8)) }
        }
    }

    /// Ends every stream and refuses new ones.
    func close() {
        let open = lock.withLock { () -> [AsyncStream<[UInt8]>.Continuation] in
            isClosed = true
            defer { streams.removeAll() }
            return Array(streams.values)
        }
        for stream in open { stream.finish() }
    }
}

/// An event stream as the byte sequence a chunked HTTP body is made from: each event is
/// handed out as soon as it is sent, never held back to fill a buffer.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        /// Up to `count` bytes of the current event; waits for the next event when none
        /// is pending. Never returns an empty buffer (that would end a chunked body).
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event[...]
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return Array(taken)
        }
    }
}
