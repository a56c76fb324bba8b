/// A social media post embedded in a raw news text (DESIGN §2.3).
struct SocialPost: Hashable, Sendable {
    /// The display name as written, styled Unicode letters kept (𝘚𝘵𝘺𝘭𝘦𝘥).
    var authorName: String?
    /// The handle with its `@`, e.g. `@balticwiredesk`.
    var handle: String?
    /// The platform named by a `( @handle – Platform Post )` line, e.g. `Social`, `X`, `Truth Social`.
    var platform: String?
    /// The day from the signature or author line.
    var date: NewsDate?
    /// The time as written on an author line, e.g. `10:05 AM CET`.
    var time: String?
    /// The post's text, plain, without the signature.
    var text: String
    /// Where the post starts in the source file.
    var location: SourceLocation
}
