/// What the content headers of one entity say: type, parameters, disposition, file name, transfer
/// encoding, and where its body lies.
struct EntityHead {
    var headers: HeaderFields
    var body: Range<Int>
    /// Lowercased `type/subtype`.
    var contentType: String
    var parameters: [String: String]
    var disposition: String?
    var filename: String?
    var transferEncoding: TransferDecoding.Encoding

    init(headers: HeaderFields, body: Range<Int>, defaultType: String, defects: inout [Defect]) {
        self.headers = headers
        self.body = body
        var contentTypeValue: String? = nil
        var dispositionValue: String? = nil
        var encodingValue: String? = nil
        for field in headers.fields {
            let name = field.name.utf8
            guard name.count >= 12, name.prefix(8).equalsIgnoringCase("content-") else { continue }
            let suffix = name.dropFirst(8)
            if contentTypeValue == nil && suffix.equalsIgnoringCase("type") {
                contentTypeValue = field.rawValue
            } else if dispositionValue == nil && suffix.equalsIgnoringCase("disposition") {
                dispositionValue = field.rawValue
            } else if encodingValue == nil && suffix.equalsIgnoringCase("transfer-encoding") {
                encodingValue = field.rawValue
            }
        }

        contentType = defaultType
        parameters = [:]
        if let raw = contentTypeValue {
            let parsed = ParameterizedValue(parsing: raw)
            defects.append(contentsOf: parsed.defects)
            parameters = parsed.parameters
            if EntityHead.isValidMediaType(parsed.value) {
                contentType = parsed.value
            } else {
                // RFC 2045 §5.2: an unreadable Content-Type means text/plain (Python agrees).
                contentType = "text/plain"
                defects.append(Defect(.malformedHeader, "unreadable Content-Type \"\(raw.prefix(80))\""))
            }
        }

        disposition = nil
        var dispositionParameters: [String: String] = [:]
        if let raw = dispositionValue {
            let parsed = ParameterizedValue(parsing: raw)
            defects.append(contentsOf: parsed.defects)
            if !parsed.value.isEmpty { disposition = parsed.value }
            dispositionParameters = parsed.parameters
        }

        filename = nil
        if let name = dispositionParameters["filename"] ?? parameters["name"] {
            let decoded = EncodedWords.decode(name)
            defects.append(contentsOf: decoded.defects)
            if !decoded.text.isEmpty { filename = decoded.text }
        }
        transferEncoding = TransferDecoding.Encoding(headerValue: encodingValue)
    }

    var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// message/rfc822 and the other message types whose body is parsed as an entity of its own
    /// (external-body and partial carry a header block too). Delivery and disposition reports are
    /// lists of fields, not messages: they stay leaves.
    var isEncapsulatedMessage: Bool {
        contentType.hasPrefix("message/") && !EntityHead.isFieldList(contentType)
    }

    /// The message types whose body is a list of fields (RFC 3464, 8098, 5965, 6533), readable as text.
    static func isFieldList(_ contentType: String) -> Bool {
        switch contentType {
        case "message/delivery-status", "message/disposition-notification", "message/feedback-report",
            "message/global-delivery-status", "message/global-disposition-notification":
            true
        default:
            false
        }
    }

    var isText: Bool { contentType.hasPrefix("text/") }

    var isAttachment: Bool {
        MessagePart.isAttachment(contentType: contentType, disposition: disposition, filename: filename)
    }

    private static func isValidMediaType(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let slash = bytes.firstIndex(of: ASCIIByte.slash), slash != bytes.startIndex,
            bytes.index(after: slash) != bytes.endIndex
        else { return false }
        return bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F } && bytes.count(where: { $0 == ASCIIByte.slash }) == 1
    }
}
