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
