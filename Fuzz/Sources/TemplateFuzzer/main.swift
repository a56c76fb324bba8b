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

/// One input compiled as a template, alone and in a library with partials and a layout;
/// when it compiles, rendered in strict and lax mode with each escaping.
func fuzzTemplate(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let source = String(decoding: bytes, as: UTF8.self)
    _ = try? Template(source, name: "fuzz.html")
    var sources = companions
    sources["fuzz.html"] = source
    guard let library = try? TemplateLibrary(sources: sources) else { return 0 }
    for escaping in [TemplateEscaping.html, .xml, .markdown, .none] {
        for strict in [true, false] {
            _ = try? library.render("fuzz.html", context, escaping: escaping, strict: strict)
        }
    }
    return 0
}

var argumentCount = CommandLine.argc
var argumentValues = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzTemplate($0, $1) })
