import Foundation
import SitegenCore
import Testing
@testable import SitegenServer

/// Starts the real server on a free loopback port in a temporary project.
///
/// The limit guards against a hang, not a slow run: in `swift test` these async tests share
/// the cooperative thread pool (one thread per core) with hundreds of synchronous tests, so
/// on a 2-core machine they start at once and finish only when the pool frees up, about a
/// minute later (4 s when run alone). At one minute, the limit failed all four server tests
/// in one full run of six.
@Suite(.timeLimit(.minutes(5)))
struct DevServerTests {
    /// Runs `body` with a started server and always stops it.
    func withServer(_ body: (TestProject, UInt16, ServeLog) async throws -> Void) async throws {
        let project = try TestProject()
        let log = ServeLog()
        let server = DevServer(options: ServeOptions(build: project.options, host: "127.0.0.1", port: 0, debounce: 0.05)) {
            log.append($0)
        }
        let port = try await server.start()
        do {
            try await body(project, port, log)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(throws: (any Error).self) { try TestConnection(port: port) }
    }

    @Test func servesPagesWithTheReloadScriptThatOutputDoesNotHave() async throws {
        try await withServer { project, port, _ in
            let home = try await fetch("/", port: port)
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<script src=\"/__sitegen/reload.js\" data-sitegen-build=\""))
            #expect(home.body.hasSuffix("</script>\n</body>\n</html>\n"))
            #expect(!(try project.read("Output/index.html")).contains("__sitegen"))

            let script = try await fetch("/__sitegen/reload.js", port: port)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.body.contains("new EventSource(\"/__sitegen/events\")"))

            let css = try await fetch("/assets/site.css", port: port)
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.body.contains("__sitegen"))
            #expect(try await fetch("/feed.xml", port: port).headers["content-type"] == "application/xml; charset=utf-8")
            #expect(try await fetch("/index.md", port: port).headers["content-type"] == "text/markdown; charset=utf-8")

            let folder = try await fetch("/leaders", port: port)
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/leaders/")
            let missing = try await fetch("/no/such/page/", port: port)
            #expect(missing.status == 404)
            #expect(missing.body.contains("<h1 class=\"page-title\">Page not found</h1>"))
            #expect(missing.body.contains("/__sitegen/reload.js"))
        }
    }

    @Test func requestsOutsideOutputAreNotFound() async throws {
        try await withServer { project, port, _ in
            try FileManager.default.createSymbolicLink(
                at: project.path("Output/leak"), withDestinationURL: project.path("Content"))
            try FileManager.default.createSymbolicLink(
                at: project.path("Output/secret.yml"), withDestinationURL: project.path("Content/site.yml"))
            try FileManager.default.createSymbolicLink(
                at: project.path("Output/inside.html"), withDestinationURL: project.path("Output/404.html"))
            let attempts = [
                "/../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2E%2E%2FContent%2Fsite.yml",
                "/assets/../../Content/site.yml", "/..%5cContent%5csite.yml", "/leak/site.yml", "/secret.yml",
                "/.sitegen-manifest", "/index.html%00.css", "/%252e%252e/Content/site.yml",
            ]
            for target in attempts {
                let response = try await fetch(target, port: port)
                #expect(response.status == 404, "\(target)")
                #expect(!response.body.contains("per_page"), "\(target) leaked site.yml")
            }
            #expect(try await fetch("/inside.html", port: port).status == 200)
        }
    }

    @Test func aSavedEditReloadsOpenPagesAndUpdatesEveryPageThatShowsIt() async throws {
        try await withServer { project, port, log in
            let events = try TestConnection(port: port)
            events.send("GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let hello = await events.read(timeout: 30) { $0.contains("event: hello") }
            #expect(hello.contains("text/event-stream"))

            let article = "Content/articles/bridge-reopens.md"
            let old = try project.read(article)
            try project.save(article, old.replacingOccurrences(
                of: "title: Halden bridge to reopen after quota deal", with: "title: Halden bridge reopens early"))
            let stream = await events.read(timeout: 60) { $0.contains("event: reload") && $0.hasSuffix("\n\n\r\n") }
            let reload = TestResponse.dechunk(String(stream[stream.range(of: "\r\n\r\n")!.upperBound...]))
            #expect(reload.contains("event: reload\ndata: {"))
            #expect(reload.contains("\"/2026/02/14/halden-bridge-reopens-early/index.html\""))
            #expect(reload.contains("\"/index.html\""))

            for page in ["/", "/leaders/anna-berg/", "/topics/bridges/", "/feed.xml", "/atom.xml", "/feed.json",
                         "/2026/02/14/halden-bridge-reopens-early/"] {
                let response = try await fetch(page, port: port)
                #expect(response.body.contains("Halden bridge reopens early"), "\(page)")
                #expect(!response.body.contains("Halden bridge to reopen"), "\(page) is stale")
            }
            #expect(try await fetch("/2026/02/14/halden-bridge-to-reopen-after-quota-deal/", port: port).status == 404)
            guard case .built(_, let trigger) = log.events.last else {
                Issue.record("expected a rebuild, got \(log.events)")
                return
            }
            #expect(trigger == [article])
        }
    }

    @Test func aBuildErrorIsSentToPagesAndTheLastGoodSiteStaysServed() async throws {
        try await withServer { project, port, log in
            let events = try TestConnection(port: port)
            events.send("GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            _ = await events.read(timeout: 30) { $0.contains("event: hello") }
            let article = "Content/articles/bridge-reopens.md"
            let good = try project.read(article)
            try project.save(article, good.replacingOccurrences(of: "date: 2026-02-14", with: "date: 2026-02-30 <b>"))
            let failed = await events.read(timeout: 60) { $0.contains("event: failed") && $0.hasSuffix("\n\n\r\n") }
            #expect(failed.contains(#"Content/articles/bridge-reopens.md:3:7: error: invalid date '2026-02-30 <b>'"#))

            let home = try await fetch("/", port: port)
            #expect(home.status == 200)
            #expect(home.body.contains("Halden bridge to reopen after quota deal"))
            let late = try TestConnection(port: port)
            late.send("GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let greeting = await late.read(timeout: 30) { $0.contains("event: hello") && $0.contains("\n\n\r\n") }
            #expect(greeting.contains("invalid date '2026-02-30 <b>'"))

            try project.save(article, good)
            let fixed = await events.read(timeout: 60) { $0.contains("event: reload") }
            #expect(fixed.contains("event: reload"))
            guard case .failed(let failure, _) = log.events.dropLast().last else {
                Issue.record("expected a failed build before the last one, got \(log.events)")
                return
            }
            #expect(failure.errors.count == 1)
        }
    }
}
