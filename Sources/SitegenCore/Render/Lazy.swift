import Foundation

/// A value made the first time it is asked for, by whichever thread asks first, then shared:
/// for parts of contexts that several pages show (a leader's profile on each of its pages, the
/// site feed in RSS and Atom) and that an incremental build may not need at all.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

/// Work started on another thread at once, whose result is handed over once: for the search
/// index, made while pages render and dropped as soon as it is written.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?  // written once by the worker, before `done` is signalled

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the result and hands it over. Call it exactly once.
    func take() -> Value {
        done.wait()
        defer { result = nil }
        return result!
    }
}

/// Values a build has finished with, released on another thread: tearing down a large site's
/// model, page list and staging (tens of thousands of objects) took a tenth of a second on one
/// core at the end of each build while the other stood idle. A build releases them after its
/// stamps' record, which wants both cores; the report goes on meanwhile, and a process that
/// exits first skips the rest.
enum Teardown {
    /// Releases `value` on another thread, once the caller's own references are gone.
    static func release<Value>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    /// Holds the value until the other thread drops it. Unchecked: after `release` no one else
    /// refers to it, so only that thread touches it.
    private final class Box: @unchecked Sendable {
        private var value: Any?
        init(_ value: Any) { self.value = value }
        func drop() { value = nil }
    }
}
