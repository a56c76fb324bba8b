import Foundation
import Testing

@testable import TemplateEngine

/// Runs every case of the official Mustache spec, read from `../shared/mustache-spec` beside the
/// package root (or from `$MUSTACHE_SPEC_DIR`). The files are never copied into the repository.
@Suite("Mustache spec")
struct SpecTests {
    /// The spec modules sitegen supports; `~lambdas` does not apply (values are data, not code).
    static let modules = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
        "~inheritance", "~dynamic-names",
    ]

    static let cases: [SpecCase] = SpecCase.load(modules: modules, from: specDirectory)

    static var specDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"] {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TemplateEngineTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .deletingLastPathComponent()  // beside the package root
            .appendingPathComponent("shared/mustache-spec", isDirectory: true)
    }

    @Test("spec case", arguments: cases)
    func specCase(_ spec: SpecCase) throws {
        if let problem = spec.loadProblem {
            Issue.record(Comment(rawValue: problem))
            return
        }
        let partials = try spec.partials.mapValues { try Template($0) }
        let template = try Template(spec.template, name: spec.name)
        let rendered = try template.render(spec.data, partials: partials, escaping: .html, strict: false)
        #expect(
            rendered == spec.expected,
            "\(spec.module): \(spec.name) — \(spec.description)\ntemplate: \(spec.template.debugDescription)"
        )
    }

    /// Every case again with every value of the data shared, rendered three times from a
    /// library (so kept bodies are copied), or from the template when a partial is missing.
    @Test("spec case with shared values", arguments: cases)
    func specCaseWithSharedValues(_ spec: SpecCase) throws {
        guard spec.loadProblem == nil else { return }
        let data = Self.sharingEverything(spec.data)
        let library = try? TemplateLibrary(sources: spec.partials.merging(["spec case": spec.template]) { _, specTemplate in specTemplate })
        let template = try Template(spec.template, name: spec.name)
        let partials = try spec.partials.mapValues { try Template($0) }
        for _ in 0..<3 {
            let rendered =
                try library?.render("spec case", data, escaping: .html, strict: false)
                ?? template.render(data, partials: partials, escaping: .html, strict: false)
            #expect(rendered == spec.expected, "\(spec.module): \(spec.name)\ntemplate: \(spec.template.debugDescription)")
        }
    }

    static func sharingEverything(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .list(let items): .shared(TemplateSharedValue(.list(items.map(sharingEverything))))
        case .object(let fields): .shared(TemplateSharedValue(.object(fields.mapValues(sharingEverything))))
        default: .shared(TemplateSharedValue(value))
        }
    }

    @Test func everyModuleHasCases() {
        for module in Self.modules {
            let count = Self.cases.filter { $0.module == module && $0.loadProblem == nil }.count
            #expect(count > 0, "no spec cases loaded for '\(module)' from \(Self.specDirectory.path)")
        }
    }
}

/// One test case of the spec, or a placeholder that fails saying why the cases could not be read.
struct SpecCase: Sendable, CustomTestStringConvertible {
    var module: String
    var name: String
    var description = ""
    var template = ""
    var data: TemplateValue = .null
    var partials: [String: String] = [:]
    var expected = ""
    var loadProblem: String?

    var testDescription: String { "\(module): \(name)" }

    static func load(modules: [String], from directory: URL) -> [SpecCase] {
        modules.flatMap { module -> [SpecCase] in
            let file = directory.appendingPathComponent(module + ".json")
            do {
                let data = try Data(contentsOf: file)
                let spec = try JSONDecoder().decode(SpecFile.self, from: data)
                return spec.tests.map {
                    SpecCase(
                        module: module,
                        name: $0.name,
                        description: $0.desc,
                        template: $0.template,
                        data: $0.data.value,
                        partials: $0.partials ?? [:],
                        expected: $0.expected
                    )
                }
            } catch {
                let problem = """
                    cannot read the Mustache spec file \(file.path): \(error). The spec must be checked \
                    out at ../shared/mustache-spec beside the package root (or set MUSTACHE_SPEC_DIR).
                    """
                return [SpecCase(module: module, name: "missing spec file", loadProblem: problem)]
            }
        }
    }
}

private struct SpecFile: Decodable {
    struct Test: Decodable {
        var name: String
        var desc: String
        var data: JSONValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }
    var tests: [Test]
}

/// Decodes any JSON into a `TemplateValue`, keeping integers apart from decimals.
struct JSONValue: Decodable {
    var value: TemplateValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            value = .int(int)
        } else if let double = try? container.decode(Double.self) {
            value = .double(double)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let list = try? container.decode([JSONValue].self) {
            value = .list(list.map(\.value))
        } else {
            value = .object(TemplateObject(try container.decode([String: JSONValue].self).mapValues(\.value)))
        }
    }
}
