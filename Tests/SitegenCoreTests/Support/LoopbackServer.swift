import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny static file server on 127.0.0.1 and a free port, for browser tests: GET only, one
/// connection at a time, `folder/` served as `folder/index.html`. It stops when `stop()` is
/// called or, whatever happens to the test, after `lifetime` seconds.
final class LoopbackServer: @unchecked Sendable {
    let root: URL
    private(set) var port: UInt16 = 0
    private let socket: Int32
    private let lock = NSLock()
    private var stopped = false
    private let deadline: Date

    init(serving root: URL, lifetime: TimeInterval = 120) throws {
        self.root = root.standardizedFileURL
        deadline = Date().addingTimeInterval(lifetime)
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && listen(socket, 16) == 0
                && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { close(socket); throw POSIXError(.EADDRNOTAVAIL) }
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in serve() }.start()
    }

    /// `http://127.0.0.1:<port>` followed by `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        if !stopped { stopped = true; close(socket) }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func serve() {
        while !isStopped, Date() < deadline {
            var waiting = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 200) > 0, !isStopped else { continue }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            respond(to: client)
            close(client)
        }
        stop()
    }

    private func respond(to client: Int32) {
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65_536, !request.ends(with: Array("\r\n\r\n".utf8)) {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        var status = "404 Not Found", type = "text/plain", body = Array("not found\n".utf8)
        if line.count >= 2, line[0] == "GET", let file = file(for: String(line[1])), let data = FileManager.default.contents(atPath: file.path) {
            (status, body) = ("200 OK", Array(data))
            type = Self.types[file.pathExtension] ?? "application/octet-stream"
        }
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let response = Array(head.utf8) + body
        var sent = 0
        while sent < response.count {
            let count = response[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// The file for a request target, never outside `root`.
    private func file(for target: String) -> URL? {
        let path = String(target.prefix { $0 != "?" && $0 != "#" }).removingPercentEncoding ?? ""
        guard path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return nil }
        let file = root.appendingPathComponent(String(path.dropFirst()) + (path.hasSuffix("/") ? "index.html" : ""))
        return file.standardizedFileURL.path.hasPrefix(root.path) ? file : nil
    }

    private static let types = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "json": "application/json",
        "css": "text/css; charset=utf-8", "svg": "image/svg+xml", "md": "text/markdown; charset=utf-8",
        "xml": "application/xml", "txt": "text/plain; charset=utf-8",
    ]
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
