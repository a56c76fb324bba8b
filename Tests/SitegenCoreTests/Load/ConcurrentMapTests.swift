import Foundation
import Testing
@testable import SitegenCore

struct ConcurrentMapTests {
    /// Runs of elements are handed to the cores in turn: whatever the count (below, at and
    /// past the number of runs), each element is transformed exactly once and the results keep
    /// their order.
    @Test(arguments: [0, 1, 2, 3, 127, 128, 129, 130, 1_000, 10_007])
    func mapsEachElementOnceInOrder(_ count: Int) {
        let calls = Calls(count)
        let mapped = Array(0..<count).concurrentMap { number in
            calls.add(number)
            return "item \(number)"
        }
        #expect(mapped == (0..<count).map { "item \($0)" })
        #expect(calls.counts == [Int](repeating: 1, count: count))
    }

    /// Results that are references: each is retained by the array returned (none released
    /// early, none leaked).
    @Test func keepsReferenceResults() {
        final class Box: Sendable {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        weak var first: Box?
        do {
            let boxes = Array(0..<500).concurrentMap { Box($0) }
            first = boxes[0]
            #expect(boxes.map(\.value) == Array(0..<500))
            #expect(first != nil)
        }
        #expect(first == nil)
    }

    /// How often each element was transformed.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var byElement: [Int]
        init(_ count: Int) { byElement = [Int](repeating: 0, count: count) }
        func add(_ element: Int) { lock.withLock { byElement[element] += 1 } }
        var counts: [Int] { lock.withLock { byElement } }
    }
}
