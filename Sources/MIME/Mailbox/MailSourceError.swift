/// A path that cannot be used as a mail source, with the reason.
public struct MailSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// What is wrong, for a human: "no such file or directory", "not a mail source: ...".
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
