import Testing

@testable import SitegenCore

/// Grouping paragraphs into posts, and the post card.
struct RawPostTests {
    let feb14 = NewsDate(year: 2026, month: 2, day: 14)

    func blocks(_ text: String) -> [RawBlock] {
        let lines = text.lines.enumerated().map { RawLine(text: $1, line: $0 + 1, columnOffset: 0) }
        return RawTextParser.blocks(of: RawTextParser.paragraphs(of: lines, path: "a.txt"))
    }

    func posts(_ text: String) -> [SocialPost] {
        blocks(text).compactMap { if case .post(let post) = $0 { post } else { nil } }
    }

    func at(_ line: Int, _ column: Int = 1) -> SitegenCore.SourceLocation {
        SitegenCore.SourceLocation(path: "a.txt", line: line, column: column)
    }

    @Test func signedParagraphIsAPostByTheSigner() {
        let wire = SocialAccount(
            name: "Baltic Wire Desk", handle: "@balticwiredesk", date: feb14, dateText: "February 14, 2026")
        #expect(
            blocks(
                "Intro.\n\nBREAKING: BRIDGE OPENS. pic.twitter.com/AbC1 — Baltic Wire Desk (@balticwiredesk) February 14, 2026\n"
            ) == [
                .paragraph(RawParagraph(text: "Intro.", location: at(1))),
                .post(
                    SocialPost(
                        authorName: "Baltic Wire Desk", handle: "@balticwiredesk", date: feb14,
                        dateText: "February 14, 2026",
                        text: "BREAKING: BRIDGE OPENS. pic.twitter.com/AbC1", signature: wire, location: at(3)
                    )),
            ])
    }

    @Test func announcementAndAuthorLineNameTheAuthorAndAnotherSignatureSharedIt() {
        let text =
            "( @AnnaBergPM – Social Post )\n\n( Anna Berg – Feb 14, 2026, 10:05 AM CET ) A good call. "
            + "— Norland Politics Feed (@norlandpolfeed) February 14, 2026"
        let feed = SocialAccount(
            name: "Norland Politics Feed", handle: "@norlandpolfeed", date: feb14,
            dateText: "February 14, 2026")
        let post = SocialPost(
            authorName: "Anna Berg", handle: "@AnnaBergPM", platform: "Social", platformLabel: "Social Post",
            date: feb14,
            dateText: "Feb 14, 2026", time: "10:05 AM CET", text: "A good call.", signature: feed,
            location: at(1))
        #expect(blocks(text) == [.post(post)])
        #expect(post.sharedBy == feed)
    }

    @Test func signatureWithTheAnnouncedHandleIsTheAuthorsOwn() {
        let post = posts("( @AnnaBergPM – X Post )\n\nHello. — 𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨 (@annabergpm) Feb 14, 2026").first
        #expect(post?.authorName == "𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨")
        #expect(post?.handle == "@AnnaBergPM")
        #expect(post?.platform == "X")
        #expect(post?.date == feb14)
        #expect(post?.dateText == "Feb 14, 2026")
        #expect(post?.sharedBy == nil)
        #expect(post?.signature?.handle == "@annabergpm")
    }

    @Test func signatureWithTheAuthorLinesNameIsTheAuthorsOwn() {
        let post = posts(
            "( Anna Berg – Feb 14, 2026, 10:05 AM CET ) Hello. — 𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨 (@AnnaBergPM) February 14, 2026"
        ).first
        #expect(post?.authorName == "Anna Berg")
        #expect(post?.handle == "@AnnaBergPM")
        #expect(post?.dateText == "Feb 14, 2026")
        #expect(post?.sharedBy == nil)
    }

    @Test func paragraphsBetweenOpenerAndSignatureAreOnePost() {
        let text =
            "Lead.\n\n( @QueenLiseOst – X Post )\n( Queen Lise – Jun 21, 2026, 9:30 AM CET )\n\nOne.\n\nTwo.\n\n"
            + "Three. — Royal Watch (@royalwatch) June 21, 2026\n\nAfter."
        let result = blocks(text)
        #expect(result.count == 3)
        guard case .post(let post) = result[1] else {
            Issue.record("expected a post")
            return
        }
        #expect(post.text == "One.\n\nTwo.\n\nThree.")
        #expect(post.paragraphs == ["One.", "Two.", "Three."])
        #expect(post.location == at(3))
        #expect(post.authorName == "Queen Lise")
        #expect(post.handle == "@QueenLiseOst")
        #expect(post.sharedBy?.handle == "@royalwatch")
        #expect(result[2] == .paragraph(RawParagraph(text: "After.", location: at(12))))
    }

    @Test func unsignedOpenerTakesOnlyTheNextParagraph() {
        let result = blocks(
            "( @IvoMarshTV - Truth Social Post )\n\n( Ivo Marsh - Oct 12, 2026, 11:48 PM CET )\n\nNews soon!\n\nAfter."
        )
        #expect(result.count == 2)
        #expect(
            posts("( @IvoMarshTV - Truth Social Post )\n\nNews soon!\n\nAfter.").map(\.text) == ["News soon!"]
        )
        #expect(result.last == .paragraph(RawParagraph(text: "After.", location: at(7))))
    }

    @Test func unsignedOpenerWithItsOwnTextIsOneParagraph() {
        let result = blocks("( Anna – Feb 14, 2026 ) Hello.\n\nAfter.")
        #expect(posts("( Anna – Feb 14, 2026 ) Hello.\n\nAfter.").map(\.text) == ["Hello."])
        #expect(result.last == .paragraph(RawParagraph(text: "After.", location: at(3))))
    }

    @Test func openerWithNothingAfterItStaysAParagraph() {
        #expect(
            blocks("Lead.\n\n( @x – X Post )") == [
                .paragraph(RawParagraph(text: "Lead.", location: at(1))),
                .paragraph(RawParagraph(text: "( @x – X Post )", location: at(3))),
            ])
        let twice = blocks("( @x – X Post )\n\n( @y – X Post )\n\nHi.")
        #expect(twice.first == .paragraph(RawParagraph(text: "( @x – X Post )", location: at(1))))
        #expect(posts("( @x – X Post )\n\n( @y – X Post )\n\nHi.").map(\.handle) == ["@y"])
    }

    @Test func signatureLineEndsAParagraphWithoutABlankLine() {
        let result = blocks("Tweet text\n— Wire (@wire) Feb 14, 2026\nThe article goes on.")
        #expect(result.count == 2)
        #expect(
            posts("Tweet text\n— Wire (@wire) Feb 14, 2026\nThe article goes on.").map(\.text) == [
                "Tweet text"
            ])
        #expect(result.last == .paragraph(RawParagraph(text: "The article goes on.", location: at(3))))
    }

    @Test func openerLineStartsAParagraphWithoutABlankLine() {
        let result = blocks("Berg wrote:\n  ( Anna – Feb 14, 2026 ) Hello. — W (@w) Feb 14, 2026")
        #expect(result.first == .paragraph(RawParagraph(text: "Berg wrote:", location: at(1))))
        #expect(
            posts("Berg wrote:\n  ( Anna – Feb 14, 2026 ) Hello. — W (@w) Feb 14, 2026").first?.location
                == at(2, 3))
    }

    @Test func postDoesNotReachASignatureTooFarAwayOrPastAnotherOpener() {
        let many = (1...RawTextParser.maximumPostParagraphs).map { "P\($0)." }.joined(separator: "\n\n")
        let far = posts("( Anna – Feb 14, 2026 )\n\n" + many + "\n\nLast. — W (@w) Feb 14, 2026")
        #expect(far.map(\.text) == ["P1.", "Last."])
        let other = posts("( Anna – Feb 14, 2026 )\n\nA.\n\n( Kiel – Feb 14, 2026 ) B. — W (@w) Feb 14, 2026")
        #expect(other.map(\.text) == ["A.", "B."])
        #expect(other.map(\.authorName) == ["Anna", "Kiel"])
    }

    @Test func cardShowsTextLinksAndEveryAttribution() {
        let post = posts(
            "( @AnnaBergPM – Social Post )\n\n( Anna Berg – Feb 14, 2026, 10:05 AM CET ) A <good> call. "
                + "pic.twitter.com/Qw8 — Norland & Co (@norlandpolfeed) February 14, 2026")[0]
        #expect(
            RawPostCard(post: post).html == """
                <figure class="post">
                <blockquote class="post-text">
                <p>A &lt;good&gt; call. <a href="https://pic.twitter.com/Qw8" rel="nofollow noopener">pic.twitter.com/Qw8</a></p>
                </blockquote>
                <figcaption class="post-meta">— <span class="post-author">Anna Berg</span> <span class="post-handle">@AnnaBergPM</span> \
                · <span class="post-platform">Social Post</span> · <time class="post-date" datetime="2026-02-14">Feb 14, 2026</time>, \
                <span class="post-time">10:05 AM CET</span> <span class="post-shared">(shared by <span class="post-author">Norland &amp; Co</span> \
                <span class="post-handle">@norlandpolfeed</span>, <time class="post-date" datetime="2026-02-14">February 14, 2026</time>)</span></figcaption>
                </figure>

                """)
        #expect(
            RawPostCard(post: post).markdown == """
                > A \\<good\\> call. [pic.twitter.com/Qw8](<https://pic.twitter.com/Qw8>)
                >
                > — Anna Berg @AnnaBergPM · Social Post · Feb 14, 2026, 10:05 AM CET (shared by Norland \\& Co @norlandpolfeed, February 14, 2026)
                """)
        #expect(
            RawPostCard(post: post).plainText
                == "A <good> call. pic.twitter.com/Qw8\n\n— Anna Berg @AnnaBergPM · Social Post · "
                + "Feb 14, 2026, 10:05 AM CET (shared by Norland & Co @norlandpolfeed, February 14, 2026)")
    }

    @Test func cardWithoutTextAndWithAnImpossibleDay() {
        let post = posts("— Wire (@wire) February 30, 2026")[0]
        #expect(
            RawPostCard(post: post).html == """
                <figure class="post">
                <figcaption class="post-meta">— <span class="post-author">Wire</span> <span class="post-handle">@wire</span> · \
                <span class="post-date">February 30, 2026</span></figcaption>
                </figure>

                """)
        #expect(RawPostCard(post: post).markdown == "> — Wire @wire · February 30, 2026")
    }

    @Test func cardShowsTheAuthorsOwnSignatureWhenWrittenDifferently() {
        let post = posts("( Anna Berg – Feb 14, 2026 ) Hi. — 𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨 (@AnnaBergPM) February 14, 2026")[0]
        #expect(
            RawPostCard(post: post).caption.text
                == "— Anna Berg @AnnaBergPM · Feb 14, 2026 (signed 𝘈𝘯𝘯𝘢 𝘉𝘦𝘳𝘨 @AnnaBergPM, February 14, 2026)")
        #expect(RawPostCard(post: post).caption.html.contains("<span class=\"post-signature\">(signed "))
        let same = posts("Hi. — Wire (@wire) Feb 14, 2026")[0]
        #expect(RawPostCard(post: same).caption.text == "— Wire @wire · Feb 14, 2026")
    }
}
