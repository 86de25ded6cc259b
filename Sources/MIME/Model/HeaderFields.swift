/// The header fields of a message or part, in order, duplicates kept.
public struct HeaderFields: Sendable, Sequence {
    public struct Field: Sendable {
        /// The field name as written.
        public var name: String
        /// The unfolded raw value (leading white space removed), undecoded.
        public var rawValue: String

        public init(name: String, rawValue: String) {
            self.name = name
            self.rawValue = rawValue
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The first field with this name (case-insensitive).
    public func first(_ name: String) -> Field? {
        fields.first { $0.name.caseInsensitiveEquals(name) }
    }

    /// Every field with this name (case-insensitive), in order.
    public func all(_ name: String) -> [Field] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }
    }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}

extension String {
    /// Equality ignoring ASCII case (field names are ASCII).
    func caseInsensitiveEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count
            && zip(utf8, other.utf8).allSatisfy { ASCIIByte.lowercased($0) == ASCIIByte.lowercased($1) }
    }
}
