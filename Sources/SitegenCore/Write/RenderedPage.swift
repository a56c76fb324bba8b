/// A file ready to write: its path inside the output folder and its bytes.
struct RenderedPage: Sendable {
    /// e.g. `2025/11/24/truce/index.html`.
    var path: String
    var contents: [UInt8]

    init(path: String, text: String) {
        self.path = path
        self.contents = Array(text.utf8)
    }

    /// A file of UTF-8 bytes made by the template engine.
    init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }
}
