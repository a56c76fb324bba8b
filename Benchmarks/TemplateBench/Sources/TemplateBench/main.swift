import Mustache
import TemplateEngine

// Renders the same article page with sitegen's TemplateEngine and with swift-mustache, checks
// that both give the same text, and prints renders per second and MB/s for each.
//
//     template-bench [iterations] [--dump] [--ours-only]
//
// `--dump` prints the page instead; `--ours-only` times only TemplateEngine (for profiling).

let arguments = CommandLine.arguments.dropFirst()
let iterations = arguments.lazy.compactMap { Int($0) }.first ?? 3000
let warmUp = max(iterations / 10, 10)

let library = try TemplateLibrary(sources: PageTemplates.sources)
let context = PageData.value
let renderOurs = { try library.render("article.html", context) }

var mustacheTemplates: [String: MustacheTemplate] = [:]
for (name, source) in PageTemplates.sources {
    mustacheTemplates[name] = try MustacheTemplate(string: source)
}
let mustacheLibrary = MustacheLibrary(templates: mustacheTemplates)
let anyContext = PageData.anyValue(context)
let renderTheirs = { mustacheLibrary.render(anyContext, withTemplate: "article.html") ?? "" }

let ours = try renderOurs()
let theirs = renderTheirs()
if arguments.contains("--dump") {
    print(ours, terminator: "")
} else {
    print(
        "Article page: \(ours.utf8.count) bytes (TemplateEngine), \(theirs.utf8.count) bytes (swift-mustache)"
    )
    if let difference = firstDifference(ours, theirs) {
        print("The outputs differ, first at \(difference)")
    } else {
        print("The outputs are identical.")
    }
    var results = [try measure("TemplateEngine", renderOurs)]
    if !arguments.contains("--ours-only") {
        results.append(measure("swift-mustache", renderTheirs))
    }
    print("\(iterations) renders each, after \(warmUp) warm-up renders:")
    for result in results {
        print(result.summary)
    }
    if results.count == 2 {
        let ratio = results[0].rendersPerSecond / results[1].rendersPerSecond
        print("TemplateEngine / swift-mustache: \(format(ratio, digits: 2))x")
    }
}

struct Measurement {
    var name: String
    var seconds: Double
    var bytes: Int

    var summary: String {
        let rendersPerSecond = Double(iterations) / seconds
        let megabytesPerSecond = Double(bytes) / seconds / 1_000_000
        let microseconds = seconds / Double(iterations) * 1_000_000
        return "  " + name + String(repeating: " ", count: max(1, 16 - name.count))
            + "\(Int(rendersPerSecond.rounded())) renders/s  \(format(megabytesPerSecond, digits: 1)) MB/s"
            + "  (\(format(microseconds, digits: 1)) µs per render)"
    }

    var rendersPerSecond: Double { Double(iterations) / seconds }
}

func measure(_ name: String, _ render: () throws -> String) rethrows -> Measurement {
    for _ in 0..<warmUp { _ = try render() }
    var bytes = 0
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<iterations { bytes += try render().utf8.count }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Measurement(name: name, seconds: seconds, bytes: bytes)
}

func format(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return "\(rounded)"
}

/// "line N" and both versions of the first line that differs, or `nil` when the texts are equal.
func firstDifference(_ a: String, _ b: String) -> String? {
    guard a != b else { return nil }
    let linesA = a.split(separator: "\n", omittingEmptySubsequences: false)
    let linesB = b.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(linesA.count, linesB.count) {
        let lineA = index < linesA.count ? String(linesA[index]) : "<end of text>"
        let lineB = index < linesB.count ? String(linesB[index]) : "<end of text>"
        if lineA != lineB {
            return
                "line \(index + 1):\n  TemplateEngine: \(lineA.debugDescription)\n  swift-mustache: \(lineB.debugDescription)"
        }
    }
    return "the end"
}
