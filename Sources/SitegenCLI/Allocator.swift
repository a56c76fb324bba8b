import CJemalloc
import CJemallocSettings

/// The memory allocator. The `sitegen` executable links jemalloc, which then serves every
/// `malloc` and `free` of the process (Swift's runtime, Foundation, libcmark) in place of the
/// C library's: a cold build of 10,000 articles takes about 15% less time (BENCHMARKS.md).
/// `CJemallocSettings` sets its options (transparent huge pages for the heap).
enum Allocator {
    /// `jemalloc 5.3.0 with thp:always`: jemalloc's version and its transparent huge page mode;
    /// nil if the library does not answer.
    static let description: String? = {
        guard sitegen_jemalloc_settings_linked() == 1, let version = string("version") else { return nil }
        let name = "jemalloc " + (version.split(separator: "-").first.map(String.init) ?? version)
        return string("opt.thp").map { "\(name) with thp:\($0)" } ?? name
    }()

    /// A string option or statistic of jemalloc's, by its `mallctl` name.
    private static func string(_ name: String) -> String? {
        var text: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard sitegen_mallctl(name, &text, &size, nil, 0) == 0, let text else { return nil }
        return String(cString: text)
    }
}
