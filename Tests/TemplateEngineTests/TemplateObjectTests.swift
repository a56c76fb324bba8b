import Testing

@testable import TemplateEngine

/// `TemplateObject` finds keys by their packed bytes (and past 32 keys by an index): it must
/// answer as a dictionary would, whatever the keys share.
@Suite struct TemplateObjectTests {
    @Test func aRepeatedKeyKeepsItsLastValueInItsFirstPlace() {
        let object: TemplateObject = ["a": 1, "b": 2, "a": 3]
        #expect(object.keys == ["a", "b"] && object["a"] == 3 && object["b"] == 2 && object.count == 2)
        #expect(TemplateObject([("x", "1"), ("y", "2"), ("x", "3")]).keys == ["x", "y"])
    }

    /// Keys alike in their first 16 bytes, or in their length only (a trailing NUL), are told
    /// apart, and so are keys beyond ASCII.
    @Test func keysThatShareTheirPackedBytesAreToldApart() throws {
        let keys = [
            "publication_date_iso", "publication_date_utc", "publication_date_is", "publication_date",
            "a", "a\u{0}", "\u{0}", "", "e", "é", "ü", "0123456789abcdef", "0123456789abcdeg",
        ]
        let object = TemplateObject(keys.enumerated().map { ($0.element, TemplateValue.int($0.offset)) })
        #expect(object.count == keys.count)
        for (offset, key) in keys.enumerated() { #expect(object[key] == .int(offset), "\(key.debugDescription)") }
        #expect(object["publication_date_isx"] == nil && object["b"] == nil)
        let context: TemplateValue = ["page": .object(object)]
        #expect(try render("{{page.publication_date_utc}} {{page.publication_date_iso}} {{page.a}}", context) == "1 0 4")
        // A render finds keys its own way (by their integers alone when the object's keys and the
        // name are all short ASCII): both ways, with the object as a frame and after a dot.
        let looked = keys + ["publication_date_isx", "b", "0123456789abcdefg"]
        let expected = looked.map { key in shown(object[key]) }
        #expect(rendered(object, keys: looked) == expected)
        let packed = TemplateObject(keys.enumerated().filter { $0.element.utf8.count <= 16 && $0.element.allSatisfy(\.isASCII) }
            .map { ($0.element, TemplateValue.int($0.offset)) })
        #expect(rendered(packed, keys: looked) == looked.map { key in shown(packed[key]) })
    }

    /// What a render shows for an integer or a missing value.
    private func shown(_ value: TemplateValue?) -> String {
        if case .int(let number)? = value { return String(number) }
        return ""
    }

    /// What a render shows for each of `keys` (a template name has no spaces, dots or braces),
    /// with `object` as a context frame and through `o.key`: both must be the same.
    private func rendered(_ object: TemplateObject, keys: [String]) -> [String] {
        let names = keys.filter { !$0.isEmpty && !$0.contains("\u{0}") }
        let framed = try? Template("{{#o}}" + names.map { "{{\($0)}}" }.joined(separator: "|") + "{{/o}}")
            .render(["o": .object(object)], escaping: .none)
        let dotted = try? Template(names.map { "{{o.\($0)}}" }.joined(separator: "|"))
            .render(["o": .object(object)], escaping: .none)
        // Lax rendering shows a missing key as nothing, so both must render: a failed render
        // would leave every key to the fallback below and compare the object with itself.
        #expect(framed != nil && framed == dotted)
        let values = (framed ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var byKey: [String: String] = [:]
        for (name, value) in zip(names, values) { byKey[name] = value }
        return keys.map { byKey[$0] ?? shown(object[$0]) }
    }

    /// As in a dictionary, keys are equal when their strings are: canonically equivalent ones
    /// too, even where one is ASCII and the other not (the Kelvin sign is "K").
    @Test func canonicallyEquivalentKeysAreOneKey() {
        for (written, lookedUp) in [("é", "e\u{301}"), ("e\u{301}", "é"), ("K", "\u{212A}"), ("\u{212A}", "K")] {
            let small: TemplateObject = [written: 1, "x": 2]
            let large = TemplateObject([(written, TemplateValue.int(1))] + (0..<40).map { ("k\($0)", TemplateValue.int($0)) })
            #expect(small[lookedUp] == 1 && large[lookedUp] == 1, "\(written.debugDescription)")
            #expect(rendered(small, keys: [lookedUp, "x"]) == ["1", "2"] && rendered(large, keys: [lookedUp, "k7"]) == ["1", "7"])
            #expect(TemplateObject([(written, TemplateValue.int(1)), (lookedUp, TemplateValue.int(3))]).keys == [written])
        }
        #expect(TemplateObject([("K", TemplateValue.int(1)), ("k", 2)]).count == 2)
    }

    @Test func valuesAreReplacedAddedAndRemoved() {
        var object: TemplateObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = 20
        object["d"] = 4
        object["a"] = nil
        object["z"] = nil
        #expect(object.keys == ["b", "c", "d"] && object["b"] == 20 && object["c"] == 3 && object["d"] == 4)
        #expect(object["a"] == nil)
        #expect(Array(object).map(\.key) == ["b", "c", "d"])
        #expect(object.mapValues { _ in .null }.keys == ["b", "c", "d"])
    }

    @Test func equalObjectsHaveTheSameKeysAndValuesInAnyOrder() {
        let object: TemplateObject = ["a": 1, "b": "x"]
        #expect(object == ["b": "x", "a": 1])
        #expect(object != ["a": 1, "b": "y"] && object != ["a": 1] && object != ["a": 1, "b": "x", "c": .null])
        #expect(TemplateObject(["a": 1, "b": "x"] as [String: TemplateValue]) == object)
    }

    /// Sets, replacements and removals, below and across the size where an index is kept,
    /// answer as a dictionary does. Step `n` touches key `n·7919 mod count` (a prime stride:
    /// each run of `count` steps reaches every key once, in a scattered order); every third
    /// such run removes every key, and every seventh step removes one.
    @Test(arguments: [8, 40, 200])
    func answersAsADictionaryDoes(keyCount: Int) {
        var object = TemplateObject()
        var model: [String: TemplateValue] = [:]
        let keys = (0..<keyCount).map { "key_with_a_long_shared_prefix_\($0)" } + (0..<keyCount).map { "k\($0)" }
        var sizes = Set<Int>()
        for step in 0..<4_000 {
            let key = keys[step * 7_919 % keys.count]
            let removes = (step / keys.count) % 3 == 2 || step % 7 == 0
            let value: TemplateValue? = removes ? nil : .int(step)
            object[key] = value
            model[key] = value
            sizes.insert(model.count)
            if step % 97 == 0 {
                #expect(object.count == model.count)
                #expect(object == TemplateObject(model))
                #expect(rendered(object, keys: keys) == keys.map { key in shown(model[key]) })
            }
        }
        for key in keys { #expect(object[key] == model[key]) }
        #expect(Set(object.keys) == Set(model.keys) && object.keys.count == model.count)
        // The object emptied and filled again: past the index's threshold, where it has the keys.
        let largest = sizes.max() ?? 0
        #expect(sizes.contains(0) && largest >= keys.count * 3 / 4)
        #expect(keys.count <= TemplateObject.indexedCount || largest > TemplateObject.indexedCount)
    }
}
