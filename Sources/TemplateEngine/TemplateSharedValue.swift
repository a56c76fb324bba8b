import Synchronization

/// A value that many contexts show, such as an article in every list it appears in, with an
/// identity that lets a section over it render its body once.
///
/// Wrap it as `.shared(TemplateSharedValue(value))` and put that same instance in every context.
/// Templates read it exactly as `value`. When a section renders its body for it (`{{#articles}}`
/// over a list of shared items, or `{{#article}}` over one), the bytes are kept here and copied
/// the next time the same section body is rendered for it with the same escaping and
/// strictness, from any thread and any render; the indentation of standalone partials around
/// it is written anew at each line start, so one copy serves every indentation. A body is kept
/// only when nothing in it depended on anything but the item: every name it looked up was
/// found in the item or in a frame pushed above it (never in the page around it), it showed no
/// block of a parent template, and it included partials only from a ``TemplateLibrary`` (whose
/// partials never change). Otherwise the body is rendered each time, as for any value.
///
/// The kept bytes live as long as this value; those of a library's templates are dropped when
/// a library compiled later keeps a body here. Keep a shared value across renders with the
/// same library (a rebuild that did not change the item) and its bodies are copied again.
///
/// (`@unchecked Sendable`: the value is written once, in `init`, and only read after.)
public final class TemplateSharedValue: @unchecked Sendable {
    /// The value templates see; never itself `.shared`.
    public var value: TemplateValue { storage.pointee }
    /// Where the value is, for as long as this object lives: a render reads it in place
    /// (`TemplateRenderer`'s context stack holds pointers), where a copy would retain it.
    var valuePointer: UnsafePointer<TemplateValue> { UnsafePointer(storage) }
    private let storage: UnsafeMutablePointer<TemplateValue>
    private let fragments = Mutex(TemplateFragments())

    /// Wraps `value` (a shared value is unwrapped first, so sharing never nests).
    public init(_ value: TemplateValue) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: value.unshared)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// How many section bodies were copied instead of rendered (for tests).
    var reuseCount: Int { fragments.withLock { $0.reuseCount } }

    /// How many rendered section bodies are kept, and their bytes (for tests).
    var keptBytes: (fragments: Int, bytes: Int) {
        fragments.withLock { store in (store.kept.count, store.kept.reduce(0) { $0 + $1.content.bytes.count }) }
    }

    /// The bytes kept under `key`, if any.
    func fragment(for key: TemplateFragment.Key) -> TemplateFragment.Content? {
        fragments.withLock { store in
            // Through a buffer, by index: `firstIndex(where:)` copied (retained and released)
            // each fragment it looked at, on both cores, as every page copies the same few.
            let found = store.kept.withUnsafeBufferPointer { kept in
                kept.indices.first { kept[$0].key == key }.map { kept[$0].content }
            }
            if found != nil { store.reuseCount += 1 }
            return found
        }
    }

    /// Keeps `fragment`, replacing one under the same key and dropping those of sections
    /// numbered below `firstLiveSection` (of templates compiled before the ones rendering).
    func keep(_ fragment: TemplateFragment, droppingSectionsBefore firstLiveSection: UInt64) {
        fragments.withLock { store in
            store.kept.removeAll { $0.key == fragment.key || $0.key.section < firstLiveSection }
            store.kept.append(fragment)
        }
    }
}

/// The section bodies kept for one shared value.
struct TemplateFragments {
    var kept: [TemplateFragment] = []
    var reuseCount = 0
}

/// The bytes a section body rendered for one shared item, and what they depend on besides it.
struct TemplateFragment {
    /// Everything besides the item and the indentation that the bytes of a self-contained body
    /// depend on.
    struct Key: Equatable, Sendable {
        /// The section's serial number (unique to it, and so to its template).
        let section: UInt64
        let escaping: TemplateEscaping
        /// Strict and lax renders can differ (a list interpolated in lax mode shows nothing).
        let isStrict: Bool
        /// Whether the body is inside an indented standalone partial: only then is indentation
        /// written at line starts (the bytes of the indentation are not part of the key).
        let isIndented: Bool
        /// Whether the body starts a line of an indented partial (its indentation still unwritten).
        let atLineStart: Bool
        /// For Markdown escaping, whether the output before the body ends a line, which decides
        /// how a value at the start of the body is escaped.
        let followsLineBreak: Bool
    }

    /// What a render copies instead of rendering the body.
    struct Content: Sendable {
        /// The body's bytes without the indentation around it.
        let bytes: [UInt8]
        /// Where in `bytes` that indentation goes (each line start the body indented).
        let indentationOffsets: [Int32]
        /// Whether the body ended at the start of an indented line.
        let endsAtLineStart: Bool
        /// How many partials deep the body nests, so a copy still respects the nesting limit.
        let inclusionDepth: Int32
    }

    let key: Key
    let content: Content
}
