import Foundation

/// The checks a source passes before it is added: the places it names exist and are of the
/// right kind, and its password (if any) is readable by its owner only.
enum SourceValidation {
    static func checked(_ source: ConfiguredSource) throws(SourceRegistryError) -> ConfiguredSource {
        var checked = source
        do throws(SourceSettingsError) {
            switch source.settings {
            case .maildir(var maildir):
                maildir.path = try folder(maildir.path, what: "Maildir folder")
                guard FileManager.default.fileExists(atPath: maildir.path + "/new")
                    || FileManager.default.fileExists(atPath: maildir.path + "/cur")
                else {
                    throw .notFound(path: maildir.path + "/new", what: "Maildir folder (a Maildir holds new/, cur/ and tmp/)")
                }
                checked.settings = .maildir(maildir)
            case .helpdesk(var helpdesk):
                helpdesk.folder = try folder(helpdesk.folder, what: "folder")
                checked.settings = .helpdesk(helpdesk)
            case .calls(var calls):
                // Asterisk may not have written its first record yet: the file's folder must exist.
                calls.masterCSV = absolute(calls.masterCSV)
                _ = try folder((calls.masterCSV as NSString).deletingLastPathComponent, what: "folder for the CDR file")
                calls.recordings = calls.recordings.map(absolute)
                calls.transcripts = calls.transcripts.map(absolute)
                checked.settings = .calls(calls)
            case .imap(var imap):
                if case .file(let path) = imap.password {
                    imap.password = .file(absolute(path))
                    _ = try PasswordCheck(environment: ProcessInfo.processInfo.environment).password(from: imap.password)
                }
                imap.caFile = imap.caFile.map(absolute)
                if let ca = imap.caFile, !FileManager.default.fileExists(atPath: ca) {
                    throw .notFound(path: ca, what: "CA certificate file")
                }
                guard imap.pollSeconds >= 1 else { throw .invalidIMAPURL(imap.server.url, reason: "the poll interval must be at least 1 s") }
                checked.settings = .imap(imap)
            }
        } catch {
            throw .invalid(error)
        }
        return checked
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }

    private static func folder(_ path: String, what: String) throws(SourceSettingsError) -> String {
        let full = absolute(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notFound(path: full, what: what)
        }
        return full
    }
}
