extension SearchIndex {
    /// The inverted index as a build leaves it, so that `SiteSession` can change only what an
    /// edit touched: each article's terms, each term's articles, the terms in shard order and
    /// each term's entry as written in its shard.
    struct State: Sendable {
        /// By article number.
        var documents: [Document]
        var postings: [String: Posting]
        /// Every term, sorted by `precedes`.
        var terms: [String]
        /// Each term's `"term":[all,strong]`, kept for a session (a build makes each once, in
        /// `shards`, and keeps none).
        var entries: [String: String]

        /// The index of `documents`, made in full, with every entry kept for later updates.
        init(documents: [Document]) {
            self.init(postings: SearchIndex.postings(documents), documents: documents)
            entries.reserveCapacity(terms.count)
            for term in terms { entries[term] = SearchIndex.entry(term, postings[term]!) }
        }

        /// The index of `postings`, without documents or kept entries.
        init(postings: [String: Posting], documents: [Document] = []) {
            self.documents = documents
            self.postings = postings
            terms = postings.keys.sorted(by: SearchIndex.precedes)
            entries = [:]
        }

        /// A term's entry: kept, or made now.
        func entry(_ term: String) -> String { entries[term] ?? SearchIndex.entry(term, postings[term]!) }

        /// `entry(term)`, appended to `bytes` (made there, when not kept).
        func appendEntry(_ term: String, to bytes: inout [UInt8]) {
            if let kept = entries[term] {
                bytes += kept.utf8
            } else {
                SearchIndex.appendEntry(term, postings[term]!, to: &bytes)
            }
        }

        /// The index after the articles numbered `changed` got the terms in `documents`; the
        /// same as `State(documents:)`, when no article came, went or moved.
        func updating(_ changed: Set<Int>, to documents: [Document]) -> State {
            var state = self
            var touched = Set<String>()
            state.replaceDocuments(Dictionary(uniqueKeysWithValues: changed.map { ($0, documents[$0]) }), touched: &touched)
            state.documents = documents
            return state
        }

        /// Gives the articles numbered by the keys of `replacements` their new terms, in place,
        /// adding to `touched` every term whose entry changed, came or went.
        mutating func replaceDocuments(_ replacements: [Int: Document], touched: inout Set<String>) {
            for number in replacements.keys.sorted() {
                let (old, new) = (documents[number], replacements[number]!)
                documents[number] = new
                for (before, after, list) in [(old.all, new.all, \Posting.all), (old.strong, new.strong, \Posting.strong)] {
                    let (removed, added) = (Set(before).subtracting(after), Set(after).subtracting(before))
                    for term in removed {
                        postings[term]?[keyPath: list].removeSorted(Int32(number))
                        touched.insert(term)
                    }
                    for term in added {
                        postings[term, default: Posting()][keyPath: list].insertSorted(Int32(number))
                        touched.insert(term)
                    }
                }
            }
            for term in touched {
                guard let posting = postings[term], !posting.all.isEmpty else {
                    postings[term] = nil
                    entries[term] = nil
                    let position = terms.sortedPosition(of: term)
                    if position < terms.count, terms[position] == term {
                        terms.remove(at: position)
                    }
                    continue
                }
                let position = terms.sortedPosition(of: term)
                if position == terms.count || terms[position] != term {
                    terms.insert(term, at: position)
                }
                entries[term] = SearchIndex.entry(term, posting)
            }
        }
    }

    /// A term's entry in its shard: `"term":[all,strong]`, the lists gap-encoded.
    static func entry(_ term: String, _ posting: Posting) -> String {
        var bytes: [UInt8] = []
        appendEntry(term, posting, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `entry(term, posting)`, appended to `bytes`.
    static func appendEntry(_ term: String, _ posting: Posting, to bytes: inout [UInt8]) {
        JSONValue.writeString(term, to: &bytes)
        bytes += ":[".utf8
        appendGaps(posting.all, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        appendGaps(posting.strong, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
    }
}

extension Array {
    /// The first position whose element is not `isBefore` the sought one, in a list ordered so
    /// that those elements come first (binary search).
    fileprivate func firstPosition(notBefore isBefore: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension [Int32] {
    /// Inserts `number` into this ascending list, unless it is there.
    fileprivate mutating func insertSorted(_ number: Int32) {
        let position = firstPosition { $0 < number }
        if position == count || self[position] != number { insert(number, at: position) }
    }

    /// Removes `number` from this ascending list, if it is there.
    fileprivate mutating func removeSorted(_ number: Int32) {
        let position = firstPosition { $0 < number }
        if position < count, self[position] == number { remove(at: position) }
    }
}

extension [String] {
    /// Where `term` is or would go in this list sorted by `SearchIndex.precedes`.
    func sortedPosition(of term: String) -> Int {
        firstPosition { SearchIndex.precedes($0, term) }
    }
}
