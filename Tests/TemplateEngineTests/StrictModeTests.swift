import Testing

@testable import TemplateEngine

/// Strict mode: a name found in no context frame is an error; a present null or false is not.
@Suite struct StrictModeTests {
    private func strictError(_ source: String, _ context: TemplateValue, partials: [String: String] = [:])
        -> String?
    {
        templateError { try render(source, context, partials: partials, strict: true) }?.message
    }

    @Test func unknownKeySuggestsAClosePresentKey() {
        #expect(strictError("{{titel}}", ["title": "T"]) == "unknown key 'titel' (did you mean 'title'?)")
    }

    @Test func unknownKeyWithoutACloseKeyHasNoHint() {
        #expect(strictError("{{author}}", ["title": "T"]) == "unknown key 'author'")
    }

    @Test func suggestionsComeFromEveryFrame() {
        let context: TemplateValue = ["site": ["name": "S"], "items": [["label": "a"]]]
        #expect(strictError("{{#items}}{{nme}}{{/items}}", context) == "unknown key 'nme'")
        #expect(
            strictError("{{#items}}{{sit}}{{/items}}", context) == "unknown key 'sit' (did you mean 'site'?)")
        #expect(
            strictError("{{#items}}{{lable}}{{/items}}", context)
                == "unknown key 'lable' (did you mean 'label'?)")
    }

    @Test func nullAndFalseValuesAreFine() throws {
        let context: TemplateValue = ["summary": nil, "isDraft": false]
        let source = "[{{summary}}]{{#summary}}x{{/summary}}{{^isDraft}}published{{/isDraft}}"
        #expect(try render(source, context, strict: true) == "[]published")
    }

    @Test func keysOfOuterFramesAreFound() throws {
        let context: TemplateValue = ["site": "S", "items": [["name": "a"]]]
        #expect(try render("{{#items}}{{name}}@{{site}}{{/items}}", context, strict: true) == "a@S")
    }

    @Test func missingLaterPartOfADottedName() {
        let context: TemplateValue = ["page": ["title": "T"]]
        #expect(
            strictError("{{page.titel}}", context) == "unknown key 'page.titel' (did you mean 'page.title'?)")
    }

    @Test func missingFirstPartOfADottedName() {
        #expect(
            strictError("{{pag.title}}", ["page": ["title": "T"]])
                == "unknown key 'pag' (did you mean 'page'?)")
    }

    @Test func dottedNameThroughANullValueIsNull() throws {
        #expect(try render("[{{source.name}}]", ["source": nil], strict: true) == "[]")
    }

    @Test func dottedNameThroughAValueThatIsNotAnObject() {
        #expect(
            strictError("{{page.title.text}}", ["page": ["title": "T"]]) == "unknown key 'page.title.text'")
    }

    @Test func sectionsAndInvertedSectionsAreChecked() {
        #expect(
            strictError("{{#itemz}}{{/itemz}}", ["items": []])
                == "unknown key 'itemz' (did you mean 'items'?)")
        #expect(
            strictError("{{^itemz}}{{/itemz}}", ["items": []])
                == "unknown key 'itemz' (did you mean 'items'?)")
    }

    @Test func interpolatingAListIsAnError() {
        let message = "cannot interpolate 'tags', which is a list (use '{{#tags}}...{{/tags}}')"
        #expect(strictError("{{tags}}", ["tags": ["a"]]) == message)
    }

    @Test func missingDynamicPartialIsAnError() {
        let partials = ["card.html": "card"]
        #expect(
            strictError("{{> *kind}}", ["kind": "cart.html"], partials: partials)
                == "unknown partial 'cart.html' (did you mean 'card.html'?)")
        #expect(
            strictError("{{> *knd}}", ["kind": "card.html"], partials: partials)
                == "unknown key 'knd' (did you mean 'kind'?)")
    }

    @Test func nonStrictModeRendersMissingNamesAsNothing() throws {
        let source = "[{{titel}}][{{page.titel}}][{{#x}}x{{/x}}][{{^x}}no x{{/x}}][{{> nowhere}}]"
        #expect(try render(source, ["page": [:]], strict: false) == "[][][][no x][]")
    }
}
