import Foundation

/// Folds text into search terms, exactly as `Templates/assets/search.js` does in the browser,
/// so a term typed by a reader meets the term written into the index.
///
/// Folding: NFKC (styled letters such as 𝘚𝘵𝘺𝘭𝘦𝘥 and full-width letters become plain), then
/// NFD with every nonspacing mark removed (Erdoğan → Erdogan), then lowercase, then a few
/// letters that have no decomposition are spelled out (`foldedLetters`: ß → ss, ł → l, ı → i,
/// final ς → σ), then NFC. A term is a run of letters, digits and marks of the folded text,
/// cut to `maxLength` characters; terms shorter than `minLength` and `stopwords` are dropped.
enum SearchFolding {
    /// Terms shorter than this many Unicode scalars are not indexed.
    static let minLength = 2
    /// Longer terms are cut to this many Unicode scalars.
    static let maxLength = 32

    /// Letters that lowercasing and decomposition leave alone, and what they fold to.
    /// The browser side holds the same table.
    static let foldedLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "ħ": "h",
        "þ": "th", "ς": "σ",
    ]

    /// English words too common to search for. Written into `search/meta.json`, so the browser
    /// drops exactly the same words from a query.
    static let stopwords: [String] = [
        "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in",
        "into", "is", "it", "its", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were",
        "what", "when", "which", "while", "who", "will", "with", "would", "you",
    ]

    private static let stopwordSet = Set(stopwords)

    /// The folded form of `text`: `Erdoğan` → `erdogan`, `𝘚𝘵𝘺𝘭𝘦𝘥` → `styled`.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let decomposed = text.precomposedStringWithCompatibilityMapping.decomposedStringWithCanonicalMapping
        var stripped = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            stripped.append(scalar)
        }
        var folded = ""
        for scalar in String(stripped).lowercased().unicodeScalars {
            if let replacement = foldedLetters[scalar] { folded += replacement } else { folded.unicodeScalars.append(scalar) }
        }
        return folded.precomposedStringWithCanonicalMapping
    }

    /// The runs of letters, digits and marks in already folded text, cut to `maxLength`,
    /// without filtering.
    static func words(inFolded folded: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                if length < maxLength { current.append(scalar) }
                length += 1
            } else if length > 0 {
                words.append(String(current))
                current = String.UnicodeScalarView()
                length = 0
            }
        }
        if length > 0 { words.append(String(current)) }
        return words
    }

    /// The searchable terms of `text`, in order, with repeats: folded, split, cut, and without
    /// short words and stopwords.
    static func terms(in text: String) -> [String] {
        words(inFolded: fold(text)).filter(isSearchable)
    }

    /// Whether a folded word is long enough and not a stopword.
    static func isSearchable(_ word: String) -> Bool {
        word.unicodeScalars.count >= minLength && !stopwordSet.contains(word)
    }

    /// Letters, digits and marks (general categories L, N, M), as `[\p{L}\p{N}\p{M}]` in the browser.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
