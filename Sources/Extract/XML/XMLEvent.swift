/// What ``XMLScanner`` reports, in document order.
enum XMLEvent: Equatable {
    /// An element's start tag (an empty-element tag gives a start and then an end).
    case start(XMLStartTag)
    /// An element's end, with its qualified name.
    case end(String)
    /// Character data with the predefined entities and character references decoded.
    case text(String)
}

/// A start tag: its qualified name (`w:t`) and attributes in order, values decoded.
struct XMLStartTag: Equatable {
    var name: String
    var attributes: [(name: String, value: String)]

    /// The name without its namespace prefix (`t` for `w:t`).
    var localName: Substring { Self.localName(of: name) }

    /// The value of the first attribute whose qualified name, or local name when `name` has no
    /// prefix, is `name`.
    func attribute(_ name: String) -> String? {
        if name.contains(":") { return attributes.first { $0.name == name }?.value }
        return attributes.first { Self.localName(of: $0.name) == name }?.value
    }

    static func localName(of name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    static func == (lhs: XMLStartTag, rhs: XMLStartTag) -> Bool {
        lhs.name == rhs.name && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// What a scan met that the reader should report: the scan itself never fails.
struct XMLScanOutcome: Equatable {
    /// The document declares a DTD (billion laughs and external entities live there); its entities
    /// were not expanded.
    var declaresDTD = false
    /// Why the scan stopped early: malformed markup or elements nested past the limit.
    var stoppedEarly: String?
    var nestedTooDeep = false
}
