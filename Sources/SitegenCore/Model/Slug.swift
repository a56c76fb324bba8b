import Foundation

/// A URL path segment made of `[a-z0-9-]` only: never empty, never a path.
struct Slug: Hashable, Comparable, Sendable, CustomStringConvertible {
    let rawValue: String

    /// Accepts a slug written by hand; nil unless it is already `[a-z0-9-]+` without
    /// leading, trailing or doubled hyphens.
    init?(validating text: String) {
        // On the bytes, in one pass: every article's leaders and topics are checked this way
        // (zipping the UTF-8 view with itself to find "--" took 0.9% of a build).
        var utf8 = text
        let isValid = utf8.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != 45, last != 45 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard Self.isSlugByte(byte), byte != 45 || previous != 45 else { return false }
                previous = byte
            }
            return true
        }
        guard isValid else { return nil }
        rawValue = text
    }

    /// Derives a slug from any text: letters are folded to ASCII where possible (Erdoğan →
    /// erdogan, 𝘚𝘵𝘺𝘭𝘦𝘥 → styled), everything else becomes a hyphen, cut at a hyphen to
    /// at most `maxLength` bytes. Text with no usable letters gives `fallback`.
    init(deriving text: String, maxLength: Int = 80, fallback: String = "article") {
        let folded = Self.fold(text)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, let byte = UInt8(exactly: scalar.value), Self.isAlphanumeric(byte) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue  // "Xi's" → "xis", not "xi-s"
            } else {
                pendingHyphen = true
            }
        }
        if slug.utf8.count > maxLength {
            let cut = slug.prefix(maxLength)
            slug = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut)
        }
        rawValue = slug.isEmpty ? fallback : slug
    }

    /// NFKC (styled letters to plain), then diacritics and case removed.
    static func fold(_ text: String) -> String {
        // ASCII is its own NFKC and has no diacritics or widths: folding it only lowercases
        // (Foundation's folding, with its normalizations, took a tenth of a build of raw texts).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.precomposedStringWithCompatibilityMapping
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ß", with: "ss")
            .replacingOccurrences(of: "ø", with: "o")
            .replacingOccurrences(of: "ł", with: "l")
            .replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "ı", with: "i")
            .replacingOccurrences(of: "æ", with: "ae")
    }

    var description: String { rawValue }

    static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (48...57).contains(byte)
    }

    private static func isSlugByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 45 }
}
