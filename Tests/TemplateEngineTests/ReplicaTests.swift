import Testing

@testable import TemplateEngine

/// `TemplateLibrary.replica()`: the same templates, sharing no object with the original, each
/// section keeping its serial so that shared values' fragments serve both.
@Suite struct ReplicaTests {
    private let sources = [
        "article.html": "{{<layout.html}}{{$main}}<h1>{{page.title}}</h1>{{#items}}<li>{{title}}</li>{{/items}}{{/main}}{{/layout.html}}",
        "layout.html": "<html>\n  {{> partials/head-with-a-long-name.html}}\n<body>{{$main}}{{/main}}</body>\n</html>\n",
        "partials/head-with-a-long-name.html": "<title>{{page.title}}</title>\n{{^page.title}}untitled{{/page.title}}\n",
        "dynamic.html": "{{>*which}}",
    ]

    @Test func rendersWhatTheOriginalRenders() throws {
        let library = try TemplateLibrary(sources: sources)
        let replica = library.replica()
        #expect(replica.names == library.names)
        let context: TemplateValue = [
            "page": ["title": "A & B"], "items": [["title": "x"], ["title": "<y>"]], "which": "layout.html",
        ]
        for name in library.names {
            #expect(try replica.render(name, context) == library.render(name, context))
        }
        let thrown = templateError { try replica.render("article.html", ["page": ["titel": "T"], "items": []]) }
        #expect(thrown?.description == "partials/head-with-a-long-name.html:1:8: error: unknown key 'page.title' (did you mean 'page.titel'?)")
    }

    @Test func sharesNoObjectAndKeepsSectionSerials() throws {
        let library = try TemplateLibrary(sources: sources)
        let replica = library.replica()
        var originals = Self.objects(in: library)
        var copies = Self.objects(in: replica)
        #expect(originals.count == copies.count && originals.count > 10)
        #expect(Set(originals.map(\.identity)).isDisjoint(with: copies.map(\.identity)))
        originals.sort { $0.order < $1.order }
        copies.sort { $0.order < $1.order }
        #expect(originals.map(\.serial) == copies.map(\.serial))
        #expect(originals.contains { $0.serial != nil })
        // Long strings and byte arrays are new buffers too.
        let head = try #require(library.templates["partials/head-with-a-long-name.html"])
        let headCopy = try #require(replica.templates["partials/head-with-a-long-name.html"])
        guard case .text(let text) = head.nodes[0], case .text(let textCopy) = headCopy.nodes[0] else {
            Issue.record("expected text first")
            return
        }
        #expect(text.utf8 == textCopy.utf8)
        #expect(text.utf8.withUnsafeBufferPointer { $0.baseAddress } != textCopy.utf8.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func aSharedValueKeptByOneServesTheOther() throws {
        let library = try TemplateLibrary(sources: sources)
        let replica = library.replica()
        let item = TemplateSharedValue(.object(["title": "T"]))
        let context: TemplateValue = ["page": ["title": "P"], "items": [.shared(item)]]
        let first = try library.render("article.html", context)
        #expect(item.keptBytes.fragments == 1 && item.reuseCount == 0)
        #expect(try replica.render("article.html", context) == first)
        #expect(item.keptBytes.fragments == 1 && item.reuseCount == 1)
    }

    /// One library per thread at a time: a thread that finds none idle gets a new replica, and
    /// a library handed back is handed out again instead of a new one.
    @Test func replicasAreLentOneThreadAtATime() throws {
        let replicas = TemplateLibrary.Replicas(try TemplateLibrary(sources: sources))
        let (outer, inner) = replicas.withReplica { outer in
            (Self.identity(outer), replicas.withReplica { Self.identity($0) })
        }
        #expect(outer == Self.identity(replicas.library))
        #expect(inner != outer)
        // Both are idle again: two threads at once get the same two, no third.
        let again = replicas.withReplica { first in
            Set([Self.identity(first), replicas.withReplica { Self.identity($0) }])
        }
        #expect(again == [outer, inner])
    }

    /// What tells two libraries apart: the compiled template of `article.html`.
    private static func identity(_ library: TemplateLibrary) -> ObjectIdentifier {
        guard case .inclusion(let parent) = library.templates["article.html"]!.nodes[0] else { fatalError("a parent tag first") }
        return ObjectIdentifier(parent)
    }

    private struct Object {
        let identity: ObjectIdentifier
        let serial: UInt64?
        let order: String
    }

    /// Every node object of the library, with a path that names it the same way in a replica.
    private static func objects(in library: TemplateLibrary) -> [Object] {
        var objects: [Object] = []
        func visit(_ nodes: [TemplateNode], _ path: String) {
            for (index, node) in nodes.enumerated() {
                let here = "\(path)/\(index)"
                switch node {
                case .text(let text): objects.append(Object(identity: ObjectIdentifier(text), serial: nil, order: here))
                case .variable(let variable):
                    objects.append(Object(identity: ObjectIdentifier(variable), serial: nil, order: here))
                case .section(let section):
                    objects.append(Object(identity: ObjectIdentifier(section), serial: section.serial, order: here))
                    visit(section.body, here)
                case .inclusion(let inclusion):
                    objects.append(Object(identity: ObjectIdentifier(inclusion), serial: nil, order: here))
                    for (name, content) in inclusion.overrides {
                        objects.append(Object(identity: ObjectIdentifier(content), serial: nil, order: here + name))
                        visit(content.body, here + name)
                    }
                case .block(let block):
                    objects.append(Object(identity: ObjectIdentifier(block), serial: nil, order: here))
                    visit(block.body, here)
                }
            }
        }
        for name in library.names { visit(library.templates[name]!.nodes, name) }
        return objects
    }
}
