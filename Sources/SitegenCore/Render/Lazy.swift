import Foundation

/// A value made the first time it is asked for, by whichever thread asks first, then shared:
/// for parts of contexts that several pages show (a leader's profile on each of its pages, the
/// site feed in RSS and Atom) and that an incremental build may not need at all.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// Starts making the value on another thread now; `value` then waits for it.
    func makeInBackground() {
        DispatchQueue.global().async { _ = self.value }
    }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
