/// The distinct terms of one article, gathered without hashing strings: an article has about
/// 700 words but 300 distinct terms, and the search index folds every article on each build.
///
/// A term of at most 16 ASCII bytes (nearly all of them) is kept as two integers in an
/// open-addressing table with a multiplicative hash; a String is made once per distinct term,
/// in `terms`. Longer and non-ASCII terms go into an ordinary `Set<String>`.
struct SearchTermSet {
    /// Pairs of integers, `slots * 2` long; (0, 0) marks an empty slot (a term has no NUL).
    private var table = [UInt64](repeating: 0, count: 2 * 512)
    private var count = 0
    private var others = Set<String>()

    /// Adds a term given as lowercased ASCII bytes.
    mutating func insert(ascii term: UnsafeBufferPointer<UInt8>) {
        guard term.count <= 16 else {
            others.insert(String(decoding: term, as: UTF8.self))
            return
        }
        var low: UInt64 = 0, high: UInt64 = 0
        for (offset, byte) in term.enumerated() {
            if offset < 8 { low |= UInt64(byte) << (8 * offset) } else { high |= UInt64(byte) << (8 * (offset - 8)) }
        }
        insert(low, high)
    }

    /// Adds any term.
    mutating func insert(_ term: String) {
        var term = term
        if term.utf8.count <= 16, term.utf8.allSatisfy({ $0 < 0x80 }) {
            term.withUTF8 { insert(ascii: $0) }
        } else {
            others.insert(term)
        }
    }

    /// Adds every term of `text` (`SearchFolding.forEachTerm`).
    mutating func insertTerms(of text: String) {
        var text = text
        text.withUTF8 { insertTerms(ofUTF8: $0) }
    }

    /// Adds every term of the text whose valid UTF-8 is `text`.
    mutating func insertTerms(ofUTF8 text: UnsafeBufferPointer<UInt8>) {
        SearchFolding.forEachTerm(inUTF8: text, into: &self)
    }

    /// Every distinct term without making a String for the short ASCII ones: their integer
    /// pairs, then the other terms.
    var packedTerms: PackedTerms {
        var pairs: [UInt64] = []
        pairs.reserveCapacity(2 * count)
        for slot in stride(from: 0, to: table.count, by: 2) where Self.isTerm(table[slot], table[slot + 1]) {
            pairs.append(table[slot])
            pairs.append(table[slot + 1])
        }
        return PackedTerms(pairs: pairs, others: Array(others))
    }

    /// The term packed as `low` and `high` (`insert(ascii:)`), as a String.
    static func term(low: UInt64, high: UInt64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for word in [low, high] {
            var rest = word
            while rest != 0 {
                bytes.append(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every distinct term, in no particular order.
    var terms: [String] {
        var terms = Array(others)
        terms.reserveCapacity(count + others.count)
        for slot in stride(from: 0, to: table.count, by: 2) where Self.isTerm(table[slot], table[slot + 1]) {
            terms.append(Self.term(low: table[slot], high: table[slot + 1]))
        }
        return terms
    }

    /// Whether a slot holds a term: not empty, and not a stopword (which `take` adds: looked
    /// up here once per distinct word, not for each of an article's 700 words).
    private static func isTerm(_ low: UInt64, _ high: UInt64) -> Bool {
        high != 0 || (low != 0 && !SearchFolding.isStopword(packed: low))
    }

    private mutating func insert(_ low: UInt64, _ high: UInt64) {
        // Probed and written on the table's buffer: this runs for every word of every article.
        let added = table.withUnsafeMutableBufferPointer { table in
            let (slot, found) = Self.slot(of: low, high, in: UnsafeBufferPointer(table))
            if !found { (table[2 &* slot], table[2 &* slot &+ 1]) = (low, high) }
            return !found
        }
        guard added else { return }
        count += 1
        if count * 2 > table.count / 2 { grow() }
    }

    /// Doubles the table, keeping it at most half full.
    private mutating func grow() {
        let old = table
        table = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for slot in stride(from: 0, to: old.count, by: 2) where old[slot] != 0 || old[slot + 1] != 0 {
            insert(old[slot], old[slot + 1])
        }
    }

    /// Where the term packed as `low` and `high` is in `table` (pairs of integers, (0, 0) for an
    /// empty slot, a power of two of slots, never full), or the empty slot where it would go:
    /// open addressing with linear probing, as `SearchTermSet` and `PostingsBuilder` keep terms.
    @inline(__always)
    static func slot(of low: UInt64, _ high: UInt64, in table: UnsafeBufferPointer<UInt64>) -> (slot: Int, found: Bool) {
        let mask = table.count / 2 &- 1
        var slot = hash(low, high) & mask
        while true {
            let (storedLow, storedHigh) = (table[2 &* slot], table[2 &* slot &+ 1])
            if storedLow == low && storedHigh == high { return (slot, true) }
            if storedLow == 0 && storedHigh == 0 { return (slot, false) }
            slot = (slot &+ 1) & mask
        }
    }

    private static func hash(_ low: UInt64, _ high: UInt64) -> Int {
        var value = low &* 0x9E37_79B9_7F4A_7C15 ^ (high &+ 0x632B_E59B_D9B4_E019) &* 0xC2B2_AE3D_27D4_EB4F
        value ^= value >> 29
        return Int(truncatingIfNeeded: value)
    }
}

extension SearchTermSet: SearchTermSink {
    static var dropsStopwords: Bool { true }

    mutating func take(ascii term: UnsafeBufferPointer<UInt8>, low: UInt64, high: UInt64) {
        if term.count <= 16 { insert(low, high) } else { others.insert(String(decoding: term, as: UTF8.self)) }
    }

    mutating func take(other term: String) { insert(term) }
}

/// The distinct terms of one article as `SearchTermSet.packedTerms` gives them.
struct PackedTerms: Sendable {
    /// Each short ASCII term as two integers (`low`, `high`), one after the other.
    var pairs: [UInt64]
    /// Every other term.
    var others: [String]
}

/// The postings of a whole index made in one go (`SearchIndex.state()`): each distinct term is
/// found by its integer pair in an open-addressing table (the others by a dictionary) and
/// made a String once, instead of once per article that has it.
struct PostingsBuilder {
    /// Pairs of integers, `slots * 2` long, (0, 0) for an empty slot; `ids` holds the term's
    /// number in the same slot.
    private var table = [UInt64](repeating: 0, count: 2 * 4096)
    private var ids = [Int32](repeating: -1, count: 4096)
    private var packedCount = 0
    private var otherIDs: [String: Int] = [:]
    private var names: [String] = []
    private var postings: [SearchIndex.Posting] = []

    /// Adds the article numbered `number`, after every article numbered lower.
    mutating func add(strong: PackedTerms, all: PackedTerms, number: Int) {
        let number = Int32(number)
        // Two loops rather than one over key paths: a key path applied per term (300 per
        // article) cost more than the append it reached.
        for pair in stride(from: 0, to: all.pairs.count, by: 2) {
            postings[id(all.pairs[pair], all.pairs[pair + 1])].all.append(number)
        }
        for term in all.others { postings[id(term)].all.append(number) }
        for pair in stride(from: 0, to: strong.pairs.count, by: 2) {
            postings[id(strong.pairs[pair], strong.pairs[pair + 1])].strong.append(number)
        }
        for term in strong.others { postings[id(term)].strong.append(number) }
    }

    /// Every term's articles.
    func dictionary() -> [String: SearchIndex.Posting] {
        Dictionary(uniqueKeysWithValues: zip(names, postings))
    }

    private mutating func id(_ term: String) -> Int {
        if let id = otherIDs[term] { return id }
        let id = newTerm(term)
        otherIDs[term] = id
        return id
    }

    private mutating func id(_ low: UInt64, _ high: UInt64) -> Int {
        let (slot, found) = table.withUnsafeBufferPointer { SearchTermSet.slot(of: low, high, in: $0) }
        if found { return Int(ids[slot]) }
        let id = newTerm(SearchTermSet.term(low: low, high: high))
        (table[2 * slot], table[2 * slot + 1], ids[slot]) = (low, high, Int32(id))
        packedCount += 1
        if packedCount * 2 > ids.count { grow() }
        return id
    }

    private mutating func newTerm(_ name: String) -> Int {
        names.append(name)
        postings.append(SearchIndex.Posting())
        return names.count - 1
    }

    /// Doubles the table, keeping it at most half full.
    private mutating func grow() {
        let (oldTable, oldIDs) = (table, ids)
        table = [UInt64](repeating: 0, count: oldTable.count * 2)
        ids = [Int32](repeating: -1, count: oldIDs.count * 2)
        for old in oldIDs.indices where oldIDs[old] >= 0 {
            let (low, high) = (oldTable[2 * old], oldTable[2 * old + 1])
            let slot = table.withUnsafeBufferPointer { SearchTermSet.slot(of: low, high, in: $0).slot }
            (table[2 * slot], table[2 * slot + 1], ids[slot]) = (low, high, oldIDs[old])
        }
    }
}
