import Synchronization

/// Copies of a library for threads that render at the same time.
///
/// Rendering reads the compiled nodes, and reading a node retains and releases it: when two
/// cores render with the same library, every node's reference count (and the cache line
/// holding it) goes back and forth between them. A replica holds the same templates made
/// anew, down to each text's bytes and each name's keys, so a thread rendering with its own
/// replica touches no object another thread does. Each section keeps its serial, so a shared
/// value's fragments kept by one replica serve every other (`TemplateSharedValue`).
extension TemplateLibrary {
    /// A library equal to this one that shares no object with it.
    public func replica() -> TemplateLibrary {
        var copies: [String: Template] = [:]
        for (name, template) in templates { copies[Replica.string(name)] = template.replica() }
        return TemplateLibrary(templates: copies, firstSection: firstSection)
    }
}

extension TemplateLibrary {
    /// A library for each thread rendering at once: the library itself, then replicas made as
    /// more threads ask. Keep one for as long as the library is used, so that the replicas are
    /// made once.
    public final class Replicas: Sendable {
        /// The library the replicas copy.
        public let library: TemplateLibrary
        /// The library and the replicas no thread is using now.
        private let idle: Mutex<[TemplateLibrary]>

        public init(_ library: TemplateLibrary) {
            self.library = library
            idle = Mutex([library])
        }

        /// Runs `body` with a library that no other thread uses meanwhile.
        public func withReplica<T>(_ body: (TemplateLibrary) -> T) -> T {
            let replica = idle.withLock { $0.popLast() } ?? library.replica()
            defer { idle.withLock { $0.append(replica) } }
            return body(replica)
        }
    }
}

extension Template {
    func replica() -> Template {
        Template(name: Replica.string(name), nodes: nodes.map { $0.replica() }, textLength: textLength)
    }
}

extension TemplateNode {
    func replica() -> TemplateNode {
        switch self {
        case .text(let text):
            .text(TemplateText(utf8: Replica.bytes(text.utf8), lineEnds: text.lineEnds.withUnsafeBufferPointer { [Int]($0) }))
        case .variable(let variable):
            .variable(
                TemplateVariable(
                    name: variable.name.replica(), isEscaped: variable.isEscaped, position: variable.position))
        case .section(let section):
            .section(
                TemplateSection(
                    name: section.name.replica(), isInverted: section.isInverted,
                    body: section.body.map { $0.replica() }, position: section.position, serial: section.serial))
        case .inclusion(let inclusion):
            .inclusion(inclusion.replica())
        case .block(let block):
            .block(
                TemplateBlock(
                    name: Replica.string(block.name), body: block.body.map { $0.replica() },
                    isStandalone: block.isStandalone, indentation: Replica.bytes(block.indentation)))
        }
    }
}

extension TemplateInclusion {
    fileprivate func replica() -> TemplateInclusion {
        let target: TemplateInclusionTarget =
            switch self.target {
            case .fixed(let name): .fixed(Replica.string(name))
            case .dynamic(let name): .dynamic(name.replica())
            }
        var overrides: [String: TemplateBlockContent] = [:]
        for (name, content) in self.overrides {
            overrides[Replica.string(name)] = TemplateBlockContent(
                templateName: Replica.string(content.templateName), body: content.body.map { $0.replica() },
                position: content.position)
        }
        return TemplateInclusion(
            target: target, isParent: isParent, overrides: overrides, isStandalone: isStandalone,
            indentation: Replica.bytes(indentation), position: position)
    }
}

extension TemplateName {
    fileprivate func replica() -> TemplateName {
        TemplateName(text: Replica.string(text), parts: parts.map(Replica.string))
    }
}

/// Copies that share no storage with the original: `Array(_:)` and `String(_:)` of a native
/// value would hand back the same buffer.
private enum Replica {
    static func bytes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { [UInt8]($0) }
    }

    static func string(_ string: String) -> String {
        String(decoding: Array(string.utf8), as: UTF8.self)
    }
}
