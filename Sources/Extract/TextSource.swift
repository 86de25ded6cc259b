/// Where an attachment's text came from: stored with the attachment and printed by `arkisto parse
/// --json` as `text_source`.
public enum TextSource: String, Sendable, Codable, CaseIterable {
    /// A `text/*` part, a delivery report's fields.
    case text
    /// A PDF's text layer.
    case pdf
    /// Optical character recognition of an image or a PDF page without a text layer.
    case ocr
    /// Office Open XML: DOCX, XLSX, PPTX.
    case ooxml
    /// OpenDocument: ODT, ODS, ODP.
    case odf
    case rtf
    /// Legacy binary Office files: `.doc`, `.xls`, `.ppt`.
    case doc
    /// An attached message (`message/rfc822`, a forward).
    case message
    /// Outlook's `winmail.dat` (TNEF).
    case tnef
    /// A ZIP archive's documents.
    case zip
}
