/// Splits text into words the way `Character` properties do, without paying for grapheme
/// breaking on ordinary text.
///
/// When every scalar of a text is its own grapheme cluster, a scalar's properties are its
/// character's, so scanning scalars gives exactly what scanning `Character`s gives. That holds
/// for ASCII and for the scalars in `isStandalone` (letters, digits, punctuation, symbols and
/// spaces that never join a neighbour); any other scalar (combining marks, joiners, scripts whose
/// letters combine) sends the text down the `Character` path.
enum WordScanner {
    /// The number of runs of non-white-space characters (`Character.isWhitespace`).
    static func wordCount(_ text: String) -> Int {
        guard hasStandaloneScalars(text) else { return text.split(whereSeparator: { $0.isWhitespace }).count }
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace: Bool
            if scalar.isASCII {
                let value = scalar.value
                isSpace = value == 0x20 || (value >= 0x09 && value <= 0x0D)
            } else {
                isSpace = Character(scalar).isWhitespace
            }
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// Runs of letters and digits (`Character.isLetter || Character.isNumber`).
    static func words(in text: String) -> [Substring] {
        guard hasStandaloneScalars(text) else {
            return text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        }
        var words: [Substring] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isWordScalar: Bool
            if scalar.isASCII {
                let value = scalar.value
                isWordScalar =
                    (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                    || (value >= 0x30 && value <= 0x39)
            } else {
                let character = Character(scalar)
                isWordScalar = character.isLetter || character.isNumber
            }
            if isWordScalar {
                if start == nil { start = index }
            } else if let first = start {
                words.append(text[first..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let first = start { words.append(text[first..<scalars.endIndex]) }
        return words
    }

    /// Whether every scalar of `text` is ASCII or `isStandalone`.
    static func hasStandaloneScalars(_ text: String) -> Bool {
        for byte in text.utf8 where byte >= 0x80 {
            return text.unicodeScalars.allSatisfy { $0.isASCII || isStandalone($0) }
        }
        return true
    }

    /// Cased letters, decimal digits, punctuation, math and currency symbols and space
    /// separators: none of them extends, prepends or joins a grapheme cluster, so each is a
    /// character of its own wherever it stands (its neighbours are ASCII or standalone too).
    static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber,
            .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .otherPunctuation, .connectorPunctuation, .mathSymbol, .currencySymbol, .spaceSeparator:
            return true
        default:
            return false
        }
    }
}
