import Foundation
import Testing

@testable import SitegenCore

/// `Teardown.release` hands a build's large values to another thread: they must be released
/// there, not on the caller's.
@Suite struct TeardownTests {
    /// Calls `onDeinit` with the thread it is deinitialized on.
    final class Watched: Sendable {
        private let onDeinit: @Sendable (pthread_t) -> Void
        init(onDeinit: @escaping @Sendable (pthread_t) -> Void) { self.onDeinit = onDeinit }
        deinit { onDeinit(pthread_self()) }
    }

    final class Record: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var thread: pthread_t?
    }

    @Test func aValueIsReleasedOnAnotherThread() {
        let record = Record()
        Teardown.release([Watched { thread in record.thread = thread; record.done.signal() }])
        #expect(record.done.wait(timeout: .now() + 10) == .success)
        #expect(record.thread.map { pthread_equal($0, pthread_self()) == 0 } == true)
    }
}
