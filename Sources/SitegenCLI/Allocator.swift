import CJemalloc

/// The memory allocator. The `sitegen` executable links jemalloc, which then serves every
/// `malloc` and `free` of the process (Swift's runtime, Foundation, libcmark) in place of the
/// C library's: a cold build of 10,000 articles takes about 15% less time (BENCHMARKS.md).
enum Allocator {
    /// jemalloc's version, as in `5.3.0`; nil if the library does not answer.
    static let version: String? = {
        var text: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard sitegen_mallctl("version", &text, &size, nil, 0) == 0, let text else { return nil }
        return String(cString: text).split(separator: "-").first.map(String.init)
    }()
}
