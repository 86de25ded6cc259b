/// Builds a ``CustomerRecord`` from one JSON line: `{id, kind, name, emails[], phones[],
/// customer_number, business_id, personal_id, address, marketing_consent}`, also with the other names
/// ``CustomerField`` knows, a single `email`/`phone` string instead of a list, numbers for strings and
/// an address object (`street`, `postal_code`, `city`).
enum CustomerJSONDecoder {
    static func decode(_ json: JSONValue) throws(RecordFailure) -> CustomerRecord {
        guard case .object(let members) = json else {
            throw RecordFailure("expected a JSON object, found \(json.kindName)")
        }
        var values: [CustomerField: [String]] = [:]
        // Sorted so that when two keys name the same field the result does not depend on hashing.
        for key in members.keys.sorted() {
            guard let field = CustomerField(columnName: key), let value = members[key] else { continue }
            if case .object(let parts) = value {
                addParts(parts, of: field, to: &values)
            } else {
                values[field, default: []].append(contentsOf: try texts(value, key: key))
            }
        }
        return try CustomerRecordBuilder.build(values)
    }

    private static func texts(_ value: JSONValue, key: String) throws(RecordFailure) -> [String] {
        switch value {
        case .null: return []
        case .string, .number, .bool: return value.scalarText.map { [$0] } ?? []
        case .array(let elements):
            var result: [String] = []
            for element in elements {
                switch element {
                case .null: continue
                case .array, .object: throw RecordFailure("\(key): expected text, found \(element.kindName) in the list")
                default: if let text = element.scalarText { result.append(text) }
                }
            }
            return result
        case .object:
            return []
        }
    }

    /// An object value such as `"address": {"street": ..., "postal_code": ..., "city": ...}`: members
    /// that name a field go to it, the others are joined into the field the object stands for.
    private static func addParts(
        _ parts: [String: JSONValue], of field: CustomerField, to values: inout [CustomerField: [String]]
    ) {
        var unnamed: [String] = []
        for key in parts.keys.sorted() {
            guard let text = parts[key]?.trimmedText else { continue }
            if let partField = CustomerField(columnName: key), partField != .id, partField != .kind {
                values[partField, default: []].append(text)
            } else {
                unnamed.append(text)
            }
        }
        if !unnamed.isEmpty { values[field, default: []].append(unnamed.joined(separator: ", ")) }
    }
}
