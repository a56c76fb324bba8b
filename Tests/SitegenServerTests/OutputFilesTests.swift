import Foundation
import Testing
@testable import SitegenServer

struct OutputFilesTests {
    let project: TestProject
    let files: OutputFiles

    init() throws {
        project = try TestProject()
        let output = project.path("Output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("<p>a</p>".utf8).write(to: output.appendingPathComponent("a/index.html"))
        try Data("<p>home</p>".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("x".utf8).write(to: output.appendingPathComponent("été.txt"))
        files = OutputFiles(root: output)
    }

    func lookup(_ path: String, base: String = "/") -> String {
        switch files.lookup(rawPath: path, basePath: base) {
        case .file(let url): return String(url.path.dropFirst(OutputFiles.realPath(project.path("Output").path)!.count))
        case .redirect(let location): return "-> " + location
        case .notFound: return "404"
        }
    }

    @Test func findsFilesFoldersAndEncodedNames() {
        #expect(lookup("/") == "/index.html")
        #expect(lookup("/a/") == "/a/index.html")
        #expect(lookup("/a") == "-> /a/")
        #expect(lookup("/%C3%A9t%C3%A9.txt") == "/été.txt")
        #expect(lookup("/missing") == "404")
    }

    @Test func mountsTheSiteAtItsBasePath() {
        #expect(lookup("/news/a/", base: "/news/") == "/a/index.html")
        #expect(lookup("/news", base: "/news/") == "-> /news/")
        #expect(lookup("/", base: "/news/") == "-> /news/")
        #expect(lookup("/a/", base: "/news/") == "404")
    }

    @Test(arguments: [
        "/../Content/site.yml", "/a/../../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2E%2E%2FContent%2Fsite.yml",
        "/..%5CContent%5Csite.yml", "/a\\..\\index.html", "/index.html%00", "/./index.html", "/.sitegen-manifest",
        "/%zz", "index.html",
    ])
    func refusesEveryWayOut(path: String) {
        #expect(lookup(path) == "404")
    }

    @Test func refusesSymbolicLinksThatLeaveTheOutputFolder() throws {
        let output = project.path("Output")
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("out"), withDestinationURL: project.path("Content"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("in.html"), withDestinationURL: output.appendingPathComponent("a/index.html"))
        #expect(lookup("/out/site.yml") == "404")
        #expect(lookup("/out/") == "404")
        #expect(lookup("/in.html") == "/a/index.html")
    }

    @Test func namesContentTypes() {
        #expect(OutputFiles.contentType(for: "a/index.html") == "text/html; charset=utf-8")
        #expect(OutputFiles.contentType(for: "index.md") == "text/markdown; charset=utf-8")
        #expect(OutputFiles.contentType(for: "x/Logo.PNG") == "image/png")
        #expect(OutputFiles.contentType(for: "fonts/a.woff2") == "font/woff2")
        #expect(OutputFiles.contentType(for: "CNAME") == "application/octet-stream")
    }

    @Test func injectsTheScriptBeforeTheLastBodyEndTag() {
        let html = Data("<body><pre></body></pre></BODY></html>".utf8)
        let result = String(decoding: LiveReload.inject(into: html, build: "b-1"), as: UTF8.self)
        #expect(result == "<body><pre></body></pre><script src=\"/__sitegen/reload.js\" data-sitegen-build=\"b-1\"></script>\n</BODY></html>")
        #expect(String(decoding: LiveReload.inject(into: Data("<p>".utf8), build: "b"), as: UTF8.self).hasPrefix("<p><script"))
    }
}
