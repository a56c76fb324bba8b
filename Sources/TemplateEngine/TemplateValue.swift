/// A value a template can show: the data behind `{{name}}`, `{{#name}}` and `{{^name}}`.
///
/// Values are explicit and `Sendable`; nothing is looked up by reflection. In a section,
/// `null`, `false` and an empty list are falsy; everything else (including `""`, `0` and
/// `{}`) is truthy, as in the Mustache spec's reference implementation.
///
/// A value shown in many contexts, such as an article in every list that shows it, can be
/// wrapped in ``shared(_:)``: it reads as the value it wraps, and a section over it renders its
/// body once and reuses the bytes wherever the same body is rendered for it again.
public enum TemplateValue: Sendable, Equatable {
    /// No value: renders as the empty string and is falsy.
    case null
    /// `true` or `false`; renders as `true`/`false`, and `false` is falsy.
    case bool(Bool)
    /// An integer, rendered in decimal.
    case int(Int)
    /// A floating-point number, rendered as Swift prints it (`1.21`, `1.0`).
    case double(Double)
    /// Text, escaped on output unless the tag is `{{{x}}}` or `{{& x}}`.
    case string(String)
    /// Text as UTF-8 bytes, which must be valid UTF-8: the same as `.string` of those bytes in
    /// every way, for text that comes as bytes already (a page body's HTML from libcmark), so
    /// that no String is made of it only to be written out again.
    case utf8([UInt8])
    /// A list: a section renders once per element; an empty list is falsy.
    case list([TemplateValue])
    /// An object whose keys are looked up by names in tags.
    case object(TemplateObject)
    /// A value with an identity, read as the value it wraps, whose section bodies are rendered
    /// once and then copied (see ``TemplateSharedValue``).
    case shared(TemplateSharedValue)
}

extension TemplateValue {
    /// Values are equal when their contents are: a shared value equals the value it wraps, since
    /// sharing changes how often it is rendered, not what it shows.
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.shared(let left), .shared(let right)) where left === right: true
        case (.shared(let left), _): left.value == rhs
        case (_, .shared(let right)): lhs == right.value
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.int(let left), .int(let right)): left == right
        case (.double(let left), .double(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.utf8(let left), .utf8(let right)): left == right
        case (.utf8(let bytes), .string(let string)), (.string(let string), .utf8(let bytes)): string.utf8.elementsEqual(bytes)
        case (.list(let left), .list(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        default: false
        }
    }

    /// The value itself, or for `.shared`, the value it wraps.
    public var unshared: TemplateValue {
        if case .shared(let shared) = self { return shared.value }
        return self
    }
}

extension TemplateValue {
    /// Whether a section over this value renders (`null`, `false` and `[]` do not).
    var isTruthy: Bool { Self.isTruthy(self) }

    /// `isTruthy` of a value read in place: a `borrowing` parameter, so that a value matched
    /// where it is read through a pointer (as the renderer reads its context) is not copied,
    /// and so retained, first.
    @inline(__always)
    static func isTruthy(_ value: borrowing TemplateValue) -> Bool {
        switch value {
        case .null: false
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .int, .double, .string, .utf8, .object: true
        case .shared(let shared): isTruthy(shared.valuePointer.pointee)
        }
    }

    /// A short word for the kind of value, used in error messages.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string, .utf8: "a string"
        case .list: "a list"
        case .object: "an object"
        case .shared(let shared): shared.value.kindDescription
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// Creates a `.string` value from a string literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// Creates an `.int` value from an integer literal.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    /// Creates a `.double` value from a floating-point literal.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// Creates a `.bool` value from `true` or `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// Creates a `.list` value from an array literal.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Creates an `.object` value from a dictionary literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// Creates `.null` from `nil`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

/// A type that can present itself to templates as a ``TemplateValue``.
///
/// Page contexts conform to this so that templates see them as objects, for example
/// `var templateValue: TemplateValue { ["title": .string(title), "tags": tags.templateValue] }`.
public protocol TemplateValueConvertible {
    /// The value templates see.
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateValueConvertible {
    /// The value itself.
    public var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    /// The string as a `.string` value.
    public var templateValue: TemplateValue { .string(self) }
}

extension Substring: TemplateValueConvertible {
    /// The substring as a `.string` value.
    public var templateValue: TemplateValue { .string(String(self)) }
}

extension Int: TemplateValueConvertible {
    /// The integer as an `.int` value.
    public var templateValue: TemplateValue { .int(self) }
}

extension Double: TemplateValueConvertible {
    /// The number as a `.double` value.
    public var templateValue: TemplateValue { .double(self) }
}

extension Bool: TemplateValueConvertible {
    /// The boolean as a `.bool` value.
    public var templateValue: TemplateValue { .bool(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    /// The wrapped value's template value, or `.null` for `nil`.
    public var templateValue: TemplateValue {
        switch self {
        case .some(let wrapped): wrapped.templateValue
        case .none: .null
        }
    }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    /// A `.list` of the elements' template values.
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    /// An `.object` of the values' template values.
    public var templateValue: TemplateValue { .object(TemplateObject(mapValues(\.templateValue))) }
}
