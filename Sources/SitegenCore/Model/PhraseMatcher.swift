/// Finds whole-word, case-sensitive phrases in text, longest phrase first, in one pass.
///
/// Text is split into words (runs of letters and digits); a phrase matches a run of
/// consecutive words. At each word the longest phrase that starts there wins and the scan
/// continues after it, so "President Lee Jae-myung" is not also counted as "Lee".
struct PhraseMatcher: Sendable {
    private final class Node: @unchecked Sendable {
        var children: [Substring: Node] = [:]
        var owner: Int?
    }

    private let root = Node()
    /// Owner ids, indexed by the `Int` stored in the trie.
    let owners: [Slug]

    /// `phrases` maps an owner (leader or topic id) to the phrases that name it.
    init(_ phrases: [(owner: Slug, phrases: [String])]) {
        owners = phrases.map(\.owner)
        for (index, entry) in phrases.enumerated() {
            for phrase in entry.phrases {
                let words = Self.words(in: phrase)
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
    }

    /// How often each owner is named in `text`.
    func counts(in text: String) -> [Slug: Int] {
        let words = Self.words(in: text)
        var counts: [Slug: Int] = [:]
        var i = 0
        while i < words.count {
            var node = root
            var best: (owner: Int, end: Int)?
            var j = i
            while j < words.count, let next = node.children[words[j]] {
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

    /// Runs of letters and digits.
    static func words(in text: String) -> [Substring] { WordScanner.words(in: text) }
}
