/// Why (part of) an attachment could not be read. Recorded on the interaction as the defect
/// `attachment_unreadable` with this reason; the message is archived and searchable regardless.
public struct ExtractionProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// A tool ran past its wall-time limit and was killed.
        case timedOut = "timed_out"
        /// A tool or decoder produced more text than the output limit.
        case outputTooLarge = "output_too_large"
        /// A tool ran out of its memory limit, or died by a signal.
        case crashed
        /// A tool ended with an error status.
        case failed
        /// The tool that reads this format is not installed.
        case toolMissing = "tool_missing"
        /// More pages, pixels, entries or expanded bytes than the limits allow.
        case overLimit = "over_limit"
        /// The file is not what it claims, or is damaged.
        case malformed
        /// Encrypted or password-protected.
        case encrypted
        /// Containers nested deeper than the limit.
        case nestingTooDeep = "nesting_too_deep"
    }

    public var reason: Reason
    /// Which file (`lasku.pdf`, `liitteet.zip › sopimus.docx`).
    public var location: String
    /// What happened, for a human: `pdftotext killed after 30 s`.
    public var detail: String

    public init(_ reason: Reason, location: String, detail: String) {
        self.reason = reason
        self.location = location
        self.detail = detail
    }

    public var description: String { "\(location): \(detail) (\(reason.rawValue))" }

    func inside(container: String) -> ExtractionProblem {
        ExtractionProblem(reason, location: "\(container) › \(location)", detail: detail)
    }
}
