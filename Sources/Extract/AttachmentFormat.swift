/// The formats whose text Arkisto reads. Decided by the content's signature first, since mail
/// clients often declare `application/octet-stream`; then by the declared type; then by the file
/// name's extension.
enum AttachmentFormat: Sendable, Equatable {
    case text
    case pdf
    case image(ImageKind)
    case officeOpenXML
    case openDocument
    case rtf
    /// An OLE2 compound file: legacy `.doc`, `.xls`, `.ppt`.
    case legacyOffice
    case message
    case tnef
    case zip
    /// Nothing Arkisto reads.
    case other

    enum ImageKind: String, Sendable {
        case png, jpeg, gif, tiff, bmp, webp
    }

    static func detect(_ file: AttachmentFile) -> AttachmentFormat {
        if let sniffed = sniff(file.bytes) {
            // A ZIP is an Office or OpenDocument file when its name or type says so; the readers
            // check the parts they need and fall back to the archive's entries.
            if sniffed == .zip { return zipFlavour(file) }
            return sniffed
        }
        if file.contentType.hasPrefix("text/") { return .text }
        if file.contentType.hasPrefix("message/") { return .message }
        switch file.fileExtension {
        case "txt", "csv", "log": return .text
        case "eml": return .message
        default: return .other
        }
    }

    private static func sniff(_ bytes: [UInt8]) -> AttachmentFormat? {
        func starts(_ signature: [UInt8]) -> Bool { bytes.starts(with: signature) }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image(.png) }
        if starts([0xFF, 0xD8, 0xFF]) { return .image(.jpeg) }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .image(.gif) }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .image(.tiff) }
        if starts(Array("BM".utf8)), bytes.count > 26 { return .image(.bmp) }
        if starts(Array("RIFF".utf8)), bytes.count > 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { return .image(.webp) }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if starts([0x78, 0x9F, 0x3E, 0x22]) { return .tnef }
        return nil
    }

    private static func zipFlavour(_ file: AttachmentFile) -> AttachmentFormat {
        let type = file.contentType
        if type.contains("openxmlformats") || ["docx", "xlsx", "pptx", "docm", "xlsm", "pptm"].contains(file.fileExtension ?? "") {
            return .officeOpenXML
        }
        if type.contains("opendocument") || ["odt", "ods", "odp", "odg"].contains(file.fileExtension ?? "") {
            return .openDocument
        }
        return .zip
    }
}
