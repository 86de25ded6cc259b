/// Why a ZIP archive, or one entry of it, could not be read.
struct ZipError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Not a ZIP, truncated, or its structures point outside the file or at each other.
        case malformed
        /// The entry is encrypted (traditional PKWARE or AES).
        case encrypted
        /// More entries, expanded bytes or a higher compression ratio than the limits allow.
        case overLimit
        /// A compression method this reader does not implement.
        case unsupported
    }

    var kind: Kind
    /// What happened, for a human: `entry 3 "lasku.pdf" starts past the end of the file`.
    var detail: String

    init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    static func malformed(_ detail: String) -> ZipError { ZipError(.malformed, detail) }

    /// This error as an extraction problem of the file (or entry) named `location`.
    func problem(location: String) -> ExtractionProblem {
        let reason: ExtractionProblem.Reason = switch kind {
        case .malformed, .unsupported: .malformed
        case .encrypted: .encrypted
        case .overLimit: .overLimit
        }
        return ExtractionProblem(reason, location: location, detail: detail)
    }
}
