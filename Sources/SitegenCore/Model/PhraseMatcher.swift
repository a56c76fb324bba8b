/// Finds whole-word, case-sensitive phrases in text, longest phrase first, in one pass.
///
/// Text is split into words (runs of letters and digits); a phrase matches a run of
/// consecutive words. At each word the longest phrase that starts there wins and the scan
/// continues after it, so "President Lee Jae-myung" is not also counted as "Lee".
///
/// Words compare as `String`s do (canonical equivalence). An ASCII word of the text is
/// looked up by its bytes among the ASCII spellings of the phrase words (`asciiSpelling`),
/// after a bit table has ruled out most words that start no phrase; any other word is looked
/// up as a `Substring`.
struct PhraseMatcher: Sendable {
    private final class Node: @unchecked Sendable {  // never mutated once the matcher is made
        var children: [Substring: Node] = [:]
        /// `children` whose word has an ASCII spelling, by `TextWords.hash` of that spelling.
        var asciiChildren: [UInt64: [(spelling: [UInt8], node: Node)]] = [:]
        var owner: Int?
    }

    private let root = Node()
    /// A bit per `firstWordBit` of each ASCII spelling of a phrase's first word.
    private let firstWordBits: [UInt64]
    /// Owner ids, indexed by the `Int` stored in the trie.
    let owners: [Slug]

    /// `phrases` maps an owner (leader or topic id) to the phrases that name it.
    init(_ phrases: [(owner: Slug, phrases: [String])]) {
        owners = phrases.map(\.owner)
        for (index, entry) in phrases.enumerated() {
            for phrase in entry.phrases {
                let words = WordScanner.words(in: phrase)
                guard !words.isEmpty else { continue }
                var node = root
                for word in words {
                    if let next = node.children[word] {
                        node = next
                    } else {
                        let next = Node()
                        node.children[word] = next
                        node = next
                    }
                }
                if node.owner == nil { node.owner = index }
            }
        }
        Self.indexASCIISpellings(below: root)
        var bits = [UInt64](repeating: 0, count: 1 << (Self.firstWordBitCount - 6))
        for hash in root.asciiChildren.keys {
            bits[Self.firstWordBit(hash) >> 6] |= 1 << UInt64(Self.firstWordBit(hash) & 63)
        }
        firstWordBits = bits
    }

    /// How often each owner is named in `text`.
    func counts(in text: String) -> [Slug: Int] { counts(in: TextWords(text)) }

    /// How often each owner is named in the words of a text.
    func counts(in words: TextWords) -> [Slug: Int] {
        var counts: [Slug: Int] = [:]
        var i = 0
        while i < words.spans.count {
            // Most words start no phrase: the bit table rules them out before any node is
            // touched (taking the root for each word retained it, 0.5% of a build).
            guard mayStartPhrase(word: i, in: words), var node = child(of: root, word: i, in: words) else {
                i += 1
                continue
            }
            var j = i + 1
            var best: (owner: Int, end: Int)? = node.owner.map { ($0, j) }
            while j < words.spans.count, let next = child(of: node, word: j, in: words) {
                node = next
                j += 1
                if let owner = node.owner { best = (owner, j) }
            }
            if let best {
                counts[owners[best.owner], default: 0] += 1
                i = best.end
            } else {
                i += 1
            }
        }
        return counts
    }

    /// Whether word `i` may start a phrase: false only for an ASCII word whose bit in
    /// `firstWordBits` is clear.
    private func mayStartPhrase(word i: Int, in words: TextWords) -> Bool {
        guard let hash = words.spans[i].asciiHash else { return true }
        let bit = Self.firstWordBit(hash)
        return firstWordBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The child of `node` for word `i`, if any.
    private func child(of node: Node, word i: Int, in words: TextWords) -> Node? {
        guard let hash = words.spans[i].asciiHash else { return node.children[words.word(i)] }
        return node.asciiChildren[hash]?.first { words.word(i, is: $0.spelling) }?.node
    }

    private static let firstWordBitCount = 12

    /// The bit of `firstWordBits` for a word's hash: its top bits.
    private static func firstWordBit(_ hash: UInt64) -> Int { Int(hash >> UInt64(64 - firstWordBitCount)) }

    /// Fills `asciiChildren` of `node` and of every node below it.
    private static func indexASCIISpellings(below node: Node) {
        for (word, child) in node.children {
            if let spelling = asciiSpelling(of: word) {
                node.asciiChildren[TextWords.hash(spelling), default: []].append((spelling, child))
            }
            indexASCIISpellings(below: child)
        }
    }

    /// The ASCII bytes of the one ASCII text equal to `word` as a `String`, if there is one:
    /// its NFC form (what `String` compares), when that is ASCII. An ASCII word is its own
    /// spelling; "\u{212A}" (Kelvin sign) is spelled "K".
    static func asciiSpelling(of word: Substring) -> [UInt8]? {
        let normalized = String(word)._nfcCodeUnits
        return normalized.allSatisfy { $0 < 0x80 } ? normalized : nil
    }
}
