import FuzzerDriver
import SitegenCore

#if canImport(Glibc)
import Glibc
#endif

// One input through the front matter path of a Markdown article (YAML, every article key,
// site.yml) and through the whole article parser, with libcmark's safe rendering of the body.
var argumentCount = CommandLine.argc
var argumentValues = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { start, count in
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzEntryPoints.frontMatter(bytes)
    FuzzEntryPoints.markdownArticle(bytes)
    return 0
})
