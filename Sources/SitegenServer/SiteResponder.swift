import FlyingFox
import Foundation

/// Answers every request: the live-reload script and event stream on their virtual paths,
/// and files from the output folder, with the site's own 404 page for anything else.
struct SiteResponder: HTTPHandler {
    let files: OutputFiles
    let hub: EventHub
    /// The site's base path (`/`, `/news/`), which can change when `site.yml` does.
    let basePath: @Sendable () -> String

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        let response: HTTPResponse
        switch request.target.path() {
        case LiveReload.scriptPath:
            response = Self.response(.ok, type: "text/javascript; charset=utf-8", body: Data(LiveReload.script.utf8))
        case LiveReload.eventsPath:
            guard request.method == .GET else {
                return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: "text/event-stream; charset=utf-8"]))
            }
            return eventStream()
        case let path:
            response = fileResponse(rawPath: path)
        }
        return request.method == .HEAD ? Self.withoutBody(response) : response
    }

    private func eventStream() -> HTTPResponse {
        HTTPResponse(
            statusCode: .ok,
            headers: [
                .contentType: "text/event-stream; charset=utf-8",
                .cacheControl: "no-store",
            ],
            body: HTTPBodySequence(from: EventBytes(events: hub.subscribe())))
    }

    private func fileResponse(rawPath: String) -> HTTPResponse {
        switch files.lookup(rawPath: rawPath, basePath: basePath()) {
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else { return notFound() }
            return page(.ok, url: url, data: data)
        case .redirect(let location):
            return HTTPResponse(
                statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
        case .notFound:
            return notFound()
        }
    }

    /// The site's `404.html` with status 404, or a plain message when the build wrote none.
    private func notFound() -> HTTPResponse {
        if let url = files.notFoundPage(), let data = try? Data(contentsOf: url) {
            return page(.notFound, url: url, data: data)
        }
        return Self.response(.notFound, type: "text/plain; charset=utf-8", body: Data("404 Not Found\n".utf8))
    }

    /// A file's response; HTML gets the live-reload script.
    private func page(_ status: HTTPStatusCode, url: URL, data: Data) -> HTTPResponse {
        let type = OutputFiles.contentType(for: url.path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data, build: hub.build) : data
        return Self.response(status, type: type, body: body)
    }

    private static func response(_ status: HTTPStatusCode, type: String, body: Data) -> HTTPResponse {
        HTTPResponse(
            statusCode: status,
            headers: [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"],
            body: body)
    }

    /// A HEAD answer: the same headers and length, no body.
    private static func withoutBody(_ response: HTTPResponse) -> HTTPResponse {
        var headers = response.headers
        if case .httpBody(let body) = response.payload, let count = body.count {
            headers[.contentLength] = String(count)
        }
        return HTTPResponse(statusCode: response.statusCode, headers: headers, body: Data())
    }
}
