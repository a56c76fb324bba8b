import Foundation
import Testing

@testable import SitegenCore

/// `Teardown.release` hands a build's large values to another thread: they must be released
/// there, and only once no one else refers to them.
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

    @Test func aValueStillReferencedElsewhereLivesOn() {
        let record = Record()
        let kept = Watched { _ in record.done.signal() }
        Teardown.release((kept, 1))
        #expect(record.done.wait(timeout: .now() + 0.5) == .timedOut)
        withExtendedLifetime(kept) {}
    }
}
