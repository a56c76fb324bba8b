import CJemallocSettings
import Foundation
import SitegenCore

// site-bench --root DIR --output DIR [--now DATE] [--runs N]
//
// Starts a `SiteSession` on a built site (the first build finds every file unchanged), then
// edits one article's title (the middle file of the corpus), rebuilds, puts the title back
// and rebuilds again, RUNS times, and prints the median time of each kind of build.

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

guard let root = argument("--root"), let output = argument("--output") else {
    FileHandle.standardError.write(Data("usage: site-bench --root DIR --output DIR [--now DATE] [--runs N]\n".utf8))
    exit(64)
}
// Keeps jemalloc's settings (`malloc_conf`) linked in, as in the `sitegen` executable.
precondition(sitegen_jemalloc_settings_linked() == 1)
let runs = argument("--runs").flatMap(Int.init) ?? 5
let options = BuildOptions(
    root: URL(fileURLWithPath: root), output: URL(fileURLWithPath: output),
    now: argument("--now").flatMap(BuildOptions.unixTime(parsing:)))

func timed(_ session: SiteSession, changed: [String]? = nil) -> (seconds: Double, report: BuildReport) {
    let start = DispatchTime.now()
    switch session.build(changed: changed) {
    case .success(let report):
        return (Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, report)
    case .failure(let failure):
        for error in failure.errors.prefix(5) { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
        exit(1)
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let articles = (FileManager.default.enumerator(atPath: root + "/Content/articles")?.allObjects as? [String] ?? [])
    .filter { $0.hasSuffix(".md") }.sorted()
guard !articles.isEmpty else {
    FileHandle.standardError.write(Data("no articles under \(root)/Content/articles\n".utf8))
    exit(1)
}
let target = URL(fileURLWithPath: root + "/Content/articles/" + articles[articles.count / 2])
let original = try String(contentsOf: target, encoding: .utf8)
guard let titleLine = original.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) else { exit(1) }

let session = SiteSession(options: options)
let first = timed(session)
print(String(format: "  session start (first build, nothing to write): %.2f s (%d written, %d unchanged)",
             first.seconds, first.report.written, first.report.unchanged))
var nothing: [Double] = [], edited: [Double] = [], restored: [Double] = []
var listedEdits: [Double] = [], listedRestores: [Double] = []
var writtenOnEdit = 0, writtenOnListedEdit = 0
var stages = "", listedStages = ""
func stageLine(_ report: BuildReport) -> String {
    report.stageTimes.map { String(format: "%@ %.0f ms", $0.stage, $0.seconds * 1000) }.joined(separator: ", ")
}
for run in 0..<runs {
    nothing.append(timed(session).seconds)
    // Without the list of changed files: the session looks at every file.
    let changed = original.replacingOccurrences(of: String(titleLine), with: titleLine + " (updated \(run + 1))")
    try changed.write(to: target, atomically: true, encoding: .utf8)
    let edit = timed(session)
    edited.append(edit.seconds)
    writtenOnEdit = edit.report.written
    stages = stageLine(edit.report)
    try original.write(to: target, atomically: true, encoding: .utf8)
    restored.append(timed(session).seconds)
    // With it, as `serve` builds (its file watcher's list).
    try changed.write(to: target, atomically: true, encoding: .utf8)
    let listed = timed(session, changed: [target.path])
    listedEdits.append(listed.seconds)
    writtenOnListedEdit = listed.report.written
    listedStages = stageLine(listed.report)
    try original.write(to: target, atomically: true, encoding: .utf8)
    listedRestores.append(timed(session, changed: [target.path]).seconds)
}
print(String(format: "  incremental, nothing changed: median %.0f ms", median(nothing) * 1000))
print(String(format: "  incremental, one title edited: median %.0f ms (%d files written; min %.0f, max %.0f ms)",
             median(edited) * 1000, writtenOnEdit, edited.min()! * 1000, edited.max()! * 1000))
print(String(format: "  incremental, title put back: median %.0f ms", median(restored) * 1000))
print("  last edit by stage: \(stages)")
print(String(format: "  as serve builds (changed file listed), one title edited: median %.0f ms (%d files written; min %.0f, max %.0f ms)",
             median(listedEdits) * 1000, writtenOnListedEdit, listedEdits.min()! * 1000, listedEdits.max()! * 1000))
print(String(format: "  as serve builds, title put back: median %.0f ms", median(listedRestores) * 1000))
print("  last listed edit by stage: \(listedStages)")
