import FuzzerDriver
import SitegenCore

#if canImport(Glibc)
import Glibc
#endif

// One input through the raw news text parser (DESIGN §2.3): date word, paragraphs, title,
// posts and their signatures.
var argumentCount = CommandLine.argc
var argumentValues = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { start, count in
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzEntryPoints.rawText(bytes)
    return 0
})
