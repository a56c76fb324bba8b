import Testing

@testable import SitegenCore

struct SocialPostTests {
    let here = SitegenCore.SourceLocation(path: "a.txt")

    @Test func matchKeyFoldsStyledLettersCaseDiacriticsAndSpaces() {
        #expect(SocialPost.matchKey("𝘈𝘯𝘯𝘢  𝘉𝘦𝘳𝘨") == "anna berg")
        #expect(SocialPost.matchKey("𝐀𝐍𝐍𝐀 Bérg") == "anna berg")
        #expect(SocialPost.matchKey(" Recep Tayyip\tErdoğan ") == "recep tayyip erdogan")
        #expect(SocialPost.matchKey("@AnnaBergPM") == "@annabergpm")
        #expect(SocialPost.matchKey("Ｔｏｍａｓ Kiel") == "tomas kiel")
    }

    @Test func sharedByIsTheSignatureOfAnotherAccount() {
        let feed = SocialAccount(name: "Feed", handle: "@feed")
        var post = SocialPost(
            authorName: "Anna", handle: "@AnnaBergPM", text: "Hi.", signature: feed, location: here)
        #expect(post.sharedBy == feed)
        post.handle = nil
        #expect(post.sharedBy == feed)
        post.handle = "@FEED"
        #expect(post.sharedBy == nil)
        post.signature = nil
        #expect(post.sharedBy == nil)
    }

    @Test func paragraphsSplitTheTextAtBlankLines() {
        #expect(SocialPost(text: "One.\n\nTwo.", location: here).paragraphs == ["One.", "Two."])
        #expect(SocialPost(text: "", location: here).paragraphs == [])
    }

    @Test func slugOfAStyledTitleIsPlain() {
        #expect(Slug(deriving: "Post by 𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨").rawValue == "post-by-anna-berg")
    }
}
