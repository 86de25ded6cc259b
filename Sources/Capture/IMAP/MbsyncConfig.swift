import Foundation

/// The mbsync configuration of one mirror: the IMAP mailbox (far side) pulled into the staging
/// Maildir (near side), new messages only.
///
/// What keeps the server untouched: `Sync PullNew` propagates only messages that appear on the far
/// side to the near side; nothing (no message, flag or deletion) is ever pushed to the far side,
/// `Expunge None` expunges nothing anywhere and `Remove None` deletes no mailbox. Without
/// `PullDelete` a message expunged on the server stays in the Maildir: the archive keeps it.
/// mbsync fetches with `BODY.PEEK`, so `\Seen` is not set either (IMAPMirrorTests checks).
///
/// The password is never written here: `PassCmd` reads it from the file or the environment
/// variable each run.
struct MbsyncConfig {
    var settings: IMAPSettings
    /// Where the mirrored messages go (`new/`, `cur/`, `tmp/`).
    var maildir: String
    /// Prefix of mbsync's state files (a folder, ending in `/`).
    var statePrefix: String
    /// mbsync's wait for a silent server, in seconds.
    var serverTimeoutSeconds: Int

    static let channel = "arkisto-mirror"

    /// The config text, or why a value cannot be written into it.
    func text() throws(IMAPMirrorError) -> String {
        let server = settings.server
        var far = [
            "IMAPAccount far",
            "Host \(try Self.quoted(server.host, what: "host"))",
            "Port \(server.port)",
            "User \(try Self.quoted(settings.user, what: "user"))",
            "PassCmd \(try Self.quoted(passwordCommand(), what: "password command"))",
            "SSLType IMAPS",
            "Timeout \(serverTimeoutSeconds)",
        ]
        if let caFile = settings.caFile {
            // Only the given CA signs this server: the system's CAs are not asked.
            far += ["CertificateFile \(try Self.quoted(caFile, what: "CA file"))", "SystemCertificates no"]
        } else {
            far += ["SystemCertificates yes"]
        }
        let lines = far + [
            "",
            "IMAPStore far",
            "Account far",
            "",
            "MaildirStore near",
            "Inbox \(try Self.quoted(maildir, what: "staging Maildir"))",
            "",
            "Channel \(Self.channel)",
            "Far \(try Self.quoted(":far:" + server.mailbox, what: "mailbox"))",
            "Near :near:",
            "Sync PullNew",
            "Create Near",
            "Remove None",
            "Expunge None",
            "SyncState \(try Self.quoted(statePrefix, what: "state folder"))",
        ]
        return "# Written by Arkisto for each sync of \(server.url.filter { !$0.isNewline }); edits are overwritten.\n"
            + lines.joined(separator: "\n") + "\n"
    }

    /// A shell command printing the password: the file's first line, or the variable's value.
    func passwordCommand() throws(IMAPMirrorError) -> String {
        switch settings.password {
        case .file(let path):
            return "head -n 1 -- \(Self.shellQuoted(path))"
        case .environment(let name):
            guard Self.isVariableName(name) else {
                throw .invalidSettings(.passwordUnreadable("environment variable \(name)", reason: "not a variable name (letters, digits and _)"))
            }
            return "printenv \(name)"
        }
    }

    static func isVariableName(_ name: String) -> Bool {
        let letters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
        guard let first = name.first, letters.contains(first) else { return false }
        return name.allSatisfy { letters.contains($0) || ("0"..."9").contains($0) }
    }

    /// `'…'` for sh: nothing inside is expanded; a `'` becomes `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `"…"` for mbsync's config reader, which takes `\` as an escape; control characters (a line
    /// break would end the line) cannot be written and are refused.
    static func quoted(_ text: String, what: String) throws(IMAPMirrorError) -> String {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .unwritableSetting(what: what, value: text)
        }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
