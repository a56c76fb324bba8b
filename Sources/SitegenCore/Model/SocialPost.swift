import Foundation

/// A social media post embedded in a raw news text (DESIGN §2.3).
///
/// The author fields describe who wrote the text. They come from, in this order of trust,
/// the `( Name – Mon D, YYYY, H:MM AM TZ )` author line, the `( @handle – Platform Post )`
/// announcement, and the trailing `— Name (@handle) Month D, YYYY` signature. When the
/// signature names a different account than the author line or announcement (a feed that
/// reposted the text), that account is `sharedBy` and the author fields stay with the
/// original author. The signature itself is always kept in `signature`.
struct SocialPost: Hashable, Sendable {
    /// The display name as written, styled Unicode letters kept (𝘚𝘵𝘺𝘭𝘦𝘥).
    var authorName: String?
    /// The handle with its `@`, e.g. `@balticwiredesk`.
    var handle: String?
    /// The platform named by a `( @handle – Platform Post )` line without the word `Post`,
    /// e.g. `Social`, `X`, `Truth Social`.
    var platform: String?
    /// The platform phrase as written, e.g. `Truth Social Post`; shown on the card.
    var platformLabel: String?
    /// The day the author published the text, from the author line or the author's own
    /// signature; nil when only a repost's date is known (see `sharedBy`).
    var date: NewsDate?
    /// The day as written, e.g. `Feb 14, 2026` or `February 14, 2026`; shown on the card.
    var dateText: String?
    /// The time as written on an author line, e.g. `10:05 AM CET`.
    var time: String?
    /// The post's text, plain, without the signature; paragraphs separated by a blank line.
    var text: String
    /// The signature that closes the post, as written, whoever it names.
    var signature: SocialAccount?
    /// Where the post starts in the source file.
    var location: SourceLocation

    /// The account that shared the text when its signature is not the author's own.
    var sharedBy: SocialAccount? {
        guard let signature, signature.handle.lowercased() != handle?.lowercased() else { return nil }
        return signature
    }

    /// The text's paragraphs: the text cut at each `"\n\n"`, from the left. Found on the UTF-8
    /// bytes, which gives what Foundation's `components(separatedBy:)` gives for a text
    /// without a carriage return (a line feed is never part of a longer character but in
    /// `"\r\n"`); a text with one (never made by `RawTextParser`, which removes them) is
    /// left to Foundation.
    var paragraphs: [String] {
        guard !text.isEmpty else { return [] }
        let utf8 = text.utf8
        guard !utf8.contains(13) else { return text.components(separatedBy: "\n\n") }
        var paragraphs: [String] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == 10, next < utf8.endIndex, utf8[next] == 10 {
                paragraphs.append(String(text[start..<index]))
                start = utf8.index(after: next)
                index = start
            } else {
                index = next
            }
        }
        paragraphs.append(String(text[start...]))
        return paragraphs
    }

    /// A key for matching names and handles across spellings: NFKC (styled letters to plain),
    /// case and diacritics removed, white space collapsed to single spaces.
    /// `𝘈𝘯𝘯𝘢  Bérg` → `anna berg`; `@AnnaBergPM` → `@annabergpm`.
    static func matchKey(_ name: String) -> String {
        Slug.fold(name).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// An account named by a post signature, `— Name (@handle) Month D, YYYY`.
struct SocialAccount: Hashable, Sendable {
    /// The display name as written; nil when the signature has none.
    var name: String?
    /// The handle with its `@`.
    var handle: String
    /// The signature's day, if it is a real calendar day.
    var date: NewsDate?
    /// The signature's day as written, e.g. `February 14, 2026`.
    var dateText: String?
}
