/// A PDF object (ISO 32000-1 §7.3). Streams keep a slice of the bytes they were read from (no copy).
enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case name(String)
    case string([UInt8])
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(PDFReference)
    case stream(PDFStream)

    var int: Int? {
        switch self {
        case .int(let value): value
        case .real(let value) where value.isFinite && abs(value) < 1e15: Int(value)
        default: nil
        }
    }

    var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    var name: String? { if case .name(let value) = self { value } else { nil } }
    var array: [PDFObject]? { if case .array(let value) = self { value } else { nil } }
    var string: [UInt8]? { if case .string(let value) = self { value } else { nil } }
    var reference: PDFReference? { if case .reference(let value) = self { value } else { nil } }
    var stream: PDFStream? { if case .stream(let value) = self { value } else { nil } }

    /// A dictionary, or a stream's dictionary.
    var dictionary: PDFDictionary? {
        switch self {
        case .dictionary(let value): value
        case .stream(let value): value.dictionary
        default: nil
        }
    }
}

/// An indirect reference `12 0 R`.
struct PDFReference: Hashable, Sendable {
    var number: Int
    var generation: Int
}

struct PDFDictionary: Sendable {
    var entries: [String: PDFObject]

    init(_ entries: [String: PDFObject] = [:]) {
        self.entries = entries
    }

    subscript(key: String) -> PDFObject? { entries[key] }
}

struct PDFStream: Sendable {
    var dictionary: PDFDictionary
    /// The raw (still encoded) data.
    var data: ArraySlice<UInt8>
}

/// Why a PDF's text layer could not be read here; the caller then runs pdftotext.
enum PDFReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case overLimit(String)
    case unsupported(String)
    case encrypted

    var description: String {
        switch self {
        case .malformed(let detail): "malformed: \(detail)"
        case .overLimit(let detail): "over limit: \(detail)"
        case .unsupported(let detail): "unsupported: \(detail)"
        case .encrypted: "encrypted"
        }
    }
}
