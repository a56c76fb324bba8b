import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client on a raw socket to 127.0.0.1, for tests only. It sends the
/// request target exactly as given (URLSession would remove `/../` before sending), and
/// every read has a deadline, so a test never hangs. Blocking reads run on a dispatch
/// queue, off Swift's cooperative threads, which the server needs.
final class TestConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let descriptor: Int32
    private var received: [UInt8] = []

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `done` holds for everything received so far, the peer closes, or
    /// `timeout` seconds pass; returns everything received.
    func read(timeout: Double, until done: @escaping @Sendable (String) -> Bool = { _ in false }) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: self.readBlocking(timeout: timeout, until: done))
            }
        }
    }

    private func readBlocking(timeout: Double, until done: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while Date() < deadline, !done(String(decoding: received, as: UTF8.self)) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }  // closed
            if count > 0 { received += buffer[..<count] }
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// A response read to the end.
struct TestResponse {
    var status: Int
    var headers: [String: String]
    var body: String

    /// Splits raw response text; a chunked body is joined back together.
    init(raw: String) {
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
        let rest = parts.dropFirst().joined(separator: "\r\n\r\n")
        body = headers["transfer-encoding"] == "chunked" ? Self.dechunk(rest) : rest
    }

    /// `size CRLF data CRLF …`, as far as it arrived.
    static func dechunk(_ text: String) -> String {
        var bytes = Array(text.utf8)[...]
        var result: [UInt8] = []
        while let lineEnd = bytes.firstIndex(of: 13), let size = Int(String(decoding: bytes[..<lineEnd], as: UTF8.self), radix: 16),
            size > 0
        {
            let start = lineEnd + 2
            let end = min(start + size, bytes.endIndex)
            result += bytes[start..<end]
            bytes = bytes[min(end + 2, bytes.endIndex)...]
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// Sends one GET with `Connection: close` and reads the whole response. The timeout is long:
/// on a loaded machine (other suites building sites on both cores) an answer can wait seconds.
func fetch(_ target: String, port: UInt16, timeout: Double = 30) async throws -> TestResponse {
    let connection = try TestConnection(port: port)
    connection.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    return TestResponse(raw: await connection.read(timeout: timeout))
}
