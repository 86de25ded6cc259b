import Foundation

/// Builds a ``HelpdeskTicket`` from one parsed JSON line, tolerating what real exports do: missing
/// optional members, nulls, numbers written as strings and strings as numbers, `html_body` or
/// `plain_body` instead of `body`, a `{"ticket": {...}}` wrapper, extra members.
enum HelpdeskTicketDecoder {
    static func decode(_ json: JSONValue) throws(RecordFailure) -> HelpdeskTicket {
        guard case .object = json else { throw RecordFailure("expected a JSON object, found \(json.kindName)") }
        var ticket = json
        if json["id"] == nil, let wrapped = json["ticket"], case .object = wrapped { ticket = wrapped }
        guard let id = ticket["id"]?.trimmedText else {
            let isMissing = ticket["id"] == nil || ticket["id"]?.isNull == true
            throw RecordFailure(isMissing ? "missing id" : "id is not a number or string")
        }
        var comments: [HelpdeskComment] = []
        if let list = ticket["comments"], !list.isNull {
            guard case .array(let elements) = list else {
                throw RecordFailure("comments: expected an array, found \(list.kindName)")
            }
            for (index, element) in elements.enumerated() {
                do {
                    comments.append(try comment(element, number: index + 1))
                } catch {
                    throw RecordFailure("comment \(index + 1): \(error.reason)")
                }
            }
        }
        return HelpdeskTicket(
            id: id,
            createdAt: try timestamp(ticket, "created_at"),
            updatedAt: try timestamp(ticket, "updated_at"),
            status: ticket["status"]?.trimmedText,
            priority: ticket["priority"]?.trimmedText,
            subject: (ticket["subject"]?.trimmedText ?? ticket["raw_subject"]?.trimmedText) ?? "",
            requester: person(ticket["requester"]),
            tags: tags(ticket["tags"]),
            channel: ticket["channel"]?.trimmedText ?? ticket["via"]?["channel"]?.trimmedText,
            comments: comments)
    }

    private static func comment(_ json: JSONValue, number: Int) throws(RecordFailure) -> HelpdeskComment {
        guard case .object = json else { throw RecordFailure("expected an object, found \(json.kindName)") }
        let author = person(json["author"]) ?? HelpdeskPerson()
        let roleText = json["author"]?["role"]?.trimmedText ?? json["role"]?.trimmedText ?? json["author_role"]?.trimmedText
        let body = bodyText(json)
        return HelpdeskComment(
            number: number,
            author: author,
            role: HelpdeskRole(exportValue: roleText),
            isPublic: try visibility(json["public"]),
            createdAt: try timestamp(json, "created_at"),
            body: body,
            bodyIsHTML: HTMLDetector.containsMarkup(body),
            attachments: try attachments(json["attachments"]))
    }

    /// `body` when present, else `html_body`, else `plain_body`: the first one that is not null.
    private static func bodyText(_ json: JSONValue) -> String {
        for key in ["body", "html_body", "plain_body", "value"] {
            if let text = json[key]?.scalarText { return text }
        }
        return ""
    }

    private static func visibility(_ json: JSONValue?) throws(RecordFailure) -> Bool {
        guard let json, !json.isNull, json.scalarText?.trimmed.isEmpty == false else { return true }
        guard let value = json.boolean else {
            throw RecordFailure("public: not a boolean: \(RecordFailure.quoted(json.scalarText ?? json.kindName))")
        }
        return value
    }

    private static func person(_ json: JSONValue?) -> HelpdeskPerson? {
        guard let json else { return nil }
        switch json {
        case .object:
            let person = HelpdeskPerson(
                name: json["name"]?.trimmedText, email: json["email"]?.trimmedText,
                phone: json["phone"]?.trimmedText)
            return person == HelpdeskPerson() ? nil : person
        case .string(let text):
            let value = text.trimmed
            if value.isEmpty { return nil }
            return value.contains("@") ? HelpdeskPerson(email: value) : HelpdeskPerson(name: value)
        default:
            return nil
        }
    }

    /// An array of tags, or one string of tags separated by spaces or commas.
    private static func tags(_ json: JSONValue?) -> [String] {
        switch json {
        case .array(let elements)?:
            return elements.compactMap(\.trimmedText)
        case .string(let text)?:
            return text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        default:
            return []
        }
    }

    private static func attachments(_ json: JSONValue?) throws(RecordFailure) -> [HelpdeskAttachment] {
        guard let json, !json.isNull else { return [] }
        guard case .array(let elements) = json else {
            throw RecordFailure("attachments: expected an array, found \(json.kindName)")
        }
        var result: [HelpdeskAttachment] = []
        for (index, element) in elements.enumerated() {
            guard case .object = element else {
                throw RecordFailure("attachment \(index + 1): expected an object, found \(element.kindName)")
            }
            let fileName = element["file_name"]?.trimmedText ?? element["filename"]?.trimmedText
                ?? element["name"]?.trimmedText ?? ""
            let contentType = element["content_type"]?.trimmedText ?? element["contentType"]?.trimmedText
                ?? element["mime_type"]?.trimmedText
            result.append(HelpdeskAttachment(fileName: fileName, contentType: contentType, size: element["size"]?.integer))
        }
        return result
    }

    /// nil when the member is missing, null or empty; an ISO 8601 string or seconds since 1970
    /// (milliseconds when that many); a failure naming the member for anything else, a time out of
    /// ``InstantRange`` included.
    private static func timestamp(_ json: JSONValue, _ key: String) throws(RecordFailure) -> Date? {
        guard let value = json[key], !value.isNull else { return nil }
        switch value {
        case .string(let text):
            if text.trimmed.isEmpty { return nil }
            guard let date = ISO8601Timestamp.parse(text) else {
                throw RecordFailure("\(key): not an ISO 8601 time: \(RecordFailure.quoted(text))")
            }
            return try InstantRange.instant(secondsSince1970: date.timeIntervalSince1970, field: key, written: text)
        case .number(let literal):
            guard let seconds = Double(literal), seconds.isFinite else {
                throw RecordFailure("\(key): not a time: \(RecordFailure.quoted(literal))")
            }
            // Exporters that write numbers use seconds, some milliseconds since 1970.
            let scaled = abs(seconds) >= 1e11 ? seconds / 1000 : seconds
            return try InstantRange.instant(secondsSince1970: scaled, field: key, written: literal)
        default:
            throw RecordFailure("\(key): expected a time, found \(value.kindName)")
        }
    }
}
