/// A parsed JSON value. Numbers keep their literal text, so identifiers such as `100001` or
/// `9007199254740993` come back exactly as written.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var isNull: Bool { if case .null = self { true } else { false } }

    /// The name of the kind of value, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Tolerant readings of a member, as exports write values in several ways.
extension JSONValue {
    /// A string, or a number or boolean as text; nil for null, arrays and objects.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let literal): literal
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// ``scalarText`` trimmed, nil when it is empty.
    var trimmedText: String? {
        guard let text = scalarText?.trimmed, !text.isEmpty else { return nil }
        return text
    }

    /// A whole number from a number (`12`, `12.0`) or a string holding one (`"12"`).
    var integer: Int? {
        guard let text = scalarText?.trimmed else { return nil }
        if let value = Int(text) { return value }
        if let value = Double(text), value.isFinite, value.rounded() == value, abs(value) < 9.0e15 { return Int(value) }
        return nil
    }

    /// A boolean from `true`/`false`, `1`/`0` or strings such as `"yes"`, `"kyllä"`, `"ei"`;
    /// nil for null, empty or unrecognised values.
    var boolean: Bool? {
        switch self {
        case .bool(let value): value
        case .number(let literal): literal == "1" ? true : literal == "0" ? false : nil
        case .string(let text): BooleanWords.value(of: text)
        default: nil
        }
    }
}

/// The words people and spreadsheets use for yes and no.
enum BooleanWords {
    /// nil for empty or unrecognised text.
    static func value(of text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "true", "t", "yes", "y", "1", "kyllä", "kylla", "k", "x", "on", "ja": true
        case "false", "f", "no", "n", "0", "ei", "e", "off", "nej": false
        default: nil
        }
    }
}

extension String {
    /// Without leading and trailing white space (including no-break spaces and line ends).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
