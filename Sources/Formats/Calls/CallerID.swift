/// A caller id string as Asterisk writes it: `"Name" <number>`, `Name <number>`, `<number>`, or a bare
/// number or name.
public struct CallerID: Sendable, Equatable {
    public var name: String?
    public var number: String?

    public init(name: String?, number: String?) {
        self.name = name
        self.number = number
    }

    /// Splits a caller id; empty parts become nil. A bare value is a number when it holds only digits,
    /// spaces and `+-()`, otherwise a name.
    public init(parsing text: String) {
        let value = text.trimmed
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let number = String(value[value.index(after: open)..<close]).trimmed
            self.init(name: Self.unquote(String(value[..<open])), number: number.isEmpty ? nil : number)
        } else if !value.isEmpty, value.allSatisfy({ $0.isNumber || "+-() ".contains($0) }) {
            self.init(name: nil, number: value)
        } else {
            self.init(name: Self.unquote(value), number: nil)
        }
    }

    /// The name without surrounding quotes and with `\"` and `\\` unescaped; nil when empty.
    private static func unquote(_ text: String) -> String? {
        var name = text.trimmed
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast())
            var unescaped = ""
            var escaping = false
            for character in name {
                if escaping {
                    unescaped.append(character)
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else {
                    unescaped.append(character)
                }
            }
            name = unescaped.trimmed
        }
        return name.isEmpty ? nil : name
    }
}
