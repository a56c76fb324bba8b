extension SearchIndex {
    /// One file of the inverted index: a run of consecutive terms in sorted order.
    struct Shard: Equatable, Sendable {
        /// The terms, sorted by UTF-16 code units (JavaScript's string order); the first one is
        /// the shard's key in `meta.json`.
        let terms: [String]
        /// The file's JSON, `{term: [all, strong]}`.
        let text: String
    }

    /// Whether `lhs` sorts before `rhs` by UTF-16 code units, as `<` does in JavaScript.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    /// Cuts the sorted index into shards of at most `shardBudget` bytes (a term whose entry
    /// alone is larger gets a shard of its own). Shard `i` holds the terms from its first term
    /// up to, not including, the first term of shard `i + 1`; so the terms that start with a
    /// prefix lie in a run of neighbouring shards.
    static func shards(_ postings: [String: Posting]) -> [Shard] { shards(State(postings: postings)) }

    /// `shards(_:)` of an index made or updated beforehand.
    static func shards(_ state: State) -> [Shard] {
        // Each shard's JSON written as bytes, entry by entry (a build keeps no entries: each
        // is made here once, into one buffer reused, instead of a String of five joined).
        var shards: [Shard] = []
        var terms: [String] = []
        var text: [UInt8] = [UInt8(ascii: "{")]
        var entry: [UInt8] = []
        func close() {
            guard !terms.isEmpty else { return }
            text += "}\n".utf8
            shards.append(Shard(terms: terms, text: String(decoding: text, as: UTF8.self)))
            terms = []
            text.removeAll(keepingCapacity: true)
            text.append(UInt8(ascii: "{"))
        }
        for term in state.terms {
            entry.removeAll(keepingCapacity: true)
            state.appendEntry(term, to: &entry)
            // The size the shard would have with the entry: its comma and the closing "}\n".
            if text.count + 1 + entry.count + 2 > shardBudget { close() }
            if !terms.isEmpty { text.append(UInt8(ascii: ",")) }
            terms.append(term)
            text += entry
        }
        close()
        return shards
    }

    /// `shards(state)` after an edit, reusing each of the `previous` shards whose run of terms
    /// is the same and holds none of the `touched` terms (`State.replaceDocuments(_:touched:)`);
    /// `state` keeps every entry, as a session's does.
    static func shards(_ state: State, reusing previous: [Shard], touched: Set<String>) -> [Shard] {
        var runs: [Range<Int>] = []
        var (start, size) = (0, 2)
        for (position, term) in state.terms.enumerated() {
            let length = state.entry(term).utf8.count + 1
            if size + length > shardBudget, position > start {
                runs.append(start..<position)
                (start, size) = (position, 2)
            }
            size += length
        }
        if start < state.terms.count { runs.append(start..<state.terms.count) }
        let touchedPositions = touched.compactMap { term -> Int? in
            let position = state.terms.sortedPosition(of: term)
            return position < state.terms.count && state.terms[position] == term ? position : nil
        }.sorted()
        return runs.map { run in
            let terms = Array(state.terms[run])
            let holdsTouched = touchedPositions.first { $0 >= run.lowerBound }.map(run.contains) ?? false
            if !holdsTouched, let old = shardIndex(for: terms[0], in: previous).map({ previous[$0] }),
                old.terms.count == terms.count, old.terms.first == terms.first, old.terms.last == terms.last
            {
                return old
            }
            return Shard(terms: terms, text: "{" + terms.map(state.entry).joined(separator: ",") + "}\n")
        }
    }

    /// The position of the shard that would hold `term`: the last one whose first term is not
    /// after it; nil when `term` sorts before every shard.
    static func shardIndex(for term: String, in shards: [Shard]) -> Int? {
        var low = 0, high = shards.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(term, shards[middle].terms[0]) { high = middle } else { low = middle + 1 }
        }
        return low == 0 ? nil : low - 1
    }

    /// The positions of the shards that hold the terms starting with `prefix`.
    static func shardIndexes(forPrefix prefix: String, in shards: [Shard]) -> ClosedRange<Int>? {
        var last = shardIndex(for: prefix, in: shards)
        var next = (last ?? -1) + 1
        while next < shards.count, shards[next].terms[0].utf16.starts(with: prefix.utf16) {
            last = next
            next += 1
        }
        guard let last else { return nil }
        return (shardIndex(for: prefix, in: shards) ?? 0)...last
    }
}
