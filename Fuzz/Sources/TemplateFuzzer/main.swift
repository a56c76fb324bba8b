import FuzzerDriver
import TemplateEngine

#if canImport(Glibc)
import Glibc
#endif

/// A small context with every kind of value, each list of one item, so nested sections
/// cannot multiply the work.
let context: TemplateValue = .object([
    "title": .string("<b>\"Truce\" & 'tariffs'</b>"),
    "flag": .bool(true),
    "none": .null,
    "list": .list([.object(["name": .string("Xi"), "url": .string("/x/")])]),
    "page": .object(["title": .string("T"), "items": .list([.string("a")])]),
])

/// The partials and parents an input may name.
let companions = [
    "partial": "[{{title}}]{{#list}}{{name}}{{/list}}",
    "layout": "<main>{{$main}}default{{/main}}</main>",
]


/// One input compiled as a template. When it compiles, it is rendered alone in lax mode (a
/// partial it names that does not exist renders as nothing, so the theme's own templates in
/// the corpus render too), and in a library with a partial and a layout in strict and lax
/// mode, each time with every escaping, and there again twice with every value shared, which
/// must give the same.
func fuzzTemplate(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let source = String(decoding: bytes, as: UTF8.self)
    guard let template = try? Template(source, name: "fuzz.html") else { return 0 }
    let escapings = [TemplateEscaping.html, .xml, .markdown, .none]
    // Compiled per input: compiled templates kept in a global were reported as leaked at exit
    // (LeakSanitizer does not see references packed into Swift enums' spare bits).
    let compiledCompanions = companions.compactMapValues { try? Template($0) }
    for escaping in escapings {
        _ = try? template.render(context, partials: compiledCompanions, escaping: escaping, strict: false)
    }
    var sources = companions
    sources["fuzz.html"] = source
    guard let library = try? TemplateLibrary(sources: sources) else { return 0 }
    let shared = sharingEverything(context)
    for escaping in escapings {
        for strict in [true, false] {
            let plain = Result { try library.render("fuzz.html", context, escaping: escaping, strict: strict) }
            // Shared values render exactly as the values they wrap, whether a body is rendered or copied.
            for _ in 0..<2 {
                let copied = Result { try library.render("fuzz.html", shared, escaping: escaping, strict: strict) }
                precondition("\(copied)" == "\(plain)", "shared values rendered \(copied), plain ones \(plain)")
            }
        }
    }
    return 0
}

/// `value` with every object and list in it shared; made per input, so that no fragment
/// outlives the templates it was rendered from.
func sharingEverything(_ value: TemplateValue) -> TemplateValue {
    switch value {
    case .list(let items): .shared(TemplateSharedValue(.list(items.map(sharingEverything))))
    case .object(let fields): .shared(TemplateSharedValue(.object(fields.mapValues(sharingEverything))))
    default: value
    }
}

var argumentCount = CommandLine.argc
var argumentValues = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzTemplate($0, $1) })
