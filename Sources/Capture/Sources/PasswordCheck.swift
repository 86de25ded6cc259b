import Foundation

/// Checks, before mbsync runs, that the password can be read the way mbsync's `PassCmd` will read
/// it, and returns it only so that errors can leave it out. It is not kept or written anywhere.
/// The server reads its metrics scrape token with it too.
public struct PasswordCheck: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func password(from source: PasswordSource) throws(SourceSettingsError) -> String {
        switch source {
        case .file(let path): try fromFile(path)
        case .environment(let name): try fromEnvironment(name)
        }
    }

    private func fromFile(_ path: String) throws(SourceSettingsError) -> String {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .notFound(path: path, what: "password file")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw .passwordUnreadable(path, reason: "not a regular file")
        }
        if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            throw .passwordFileTooOpen(path: path, mode: mode & 0o7777)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .passwordUnreadable(path, reason: "cannot be read by this user")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .passwordUnreadable(path, reason: "not UTF-8 text")
        }
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard !firstLine.isEmpty else {
            throw .passwordUnreadable(path, reason: "the first line (the password) is empty")
        }
        return String(firstLine)
    }

    private func fromEnvironment(_ name: String) throws(SourceSettingsError) -> String {
        let source = "environment variable \(name)"
        guard let value = environment[name], !value.isEmpty else {
            throw .passwordUnreadable(source, reason: "not set in the environment of this process")
        }
        guard !value.contains(where: \.isNewline) else {
            throw .passwordUnreadable(source, reason: "holds a line break")
        }
        return value
    }
}
