import Foundation

/// Mirrors one IMAP mailbox, read-only, into a Maildir the archive owns, with isync's `mbsync`.
///
/// `staging` is a private folder (made mode 0700) holding the generated config (`mbsync.conf`,
/// 0600, no password in it), mbsync's state (`state/`, with its journal: a run cut off resumes
/// without duplicates), the last run's messages (`mbsync.stderr`) and the Maildir (`maildir/`).
/// Messages only arrive in the Maildir: one expunged on the server stays. The server is never
/// changed: no flags (not even `\Seen`), no deletions, no expunge (see `MbsyncConfig`).
///
/// The Maildir importer reads `maildir` after each run, in place: files must not be moved or
/// deleted there, or mbsync's state no longer matches (it does not fetch them again).
public struct MbsyncMirror: Sendable {
    public let settings: IMAPSettings
    /// The staging folder, absolute.
    public let staging: String
    /// An mbsync executable to use instead of the one found in PATH.
    public let mbsync: String?
    /// The environment mbsync runs in (and a password variable is read from).
    public let environment: [String: String]

    /// mbsync's own wait for a silent server, unless the run's whole time limit is shorter.
    static let serverTimeout = 20

    public init(
        settings: IMAPSettings, staging: String, mbsync: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.settings = settings
        self.staging = staging.hasPrefix("/")
            ? staging : FileManager.default.currentDirectoryPath + "/" + staging
        self.mbsync = mbsync
        self.environment = environment
    }

    /// The Maildir (holding `new/`, `cur/` and `tmp/`) the messages are mirrored into.
    public var maildir: String { staging + "/maildir" }

    var configFile: String { staging + "/mbsync.conf" }
    var stateFolder: String { staging + "/state" }
    var standardErrorFile: String { staging + "/mbsync.stderr" }

    /// Fetches the messages that appeared on the server since the last run. The settings are
    /// checked first (the password must be readable, a password file readable by its owner
    /// only); past `timeout` mbsync is stopped and the next run resumes where it was.
    public func run(timeout: Duration) throws(IMAPMirrorError) -> IMAPMirrorResult {
        let (password, executable) = try checked()
        let serverTimeout = max(1, min(Self.serverTimeout, Int(TimedProcess.seconds(timeout).rounded(.up))))
        let config = try MbsyncConfig(
            settings: settings, maildir: maildir, statePrefix: stateFolder + "/", serverTimeoutSeconds: serverTimeout
        ).text()
        try prepareStaging(config: config)
        let before = try countMessages()

        let exit: TimedProcess.Exit
        do {
            exit = try TimedProcess(
                executable: executable, arguments: ["--config", configFile, MbsyncConfig.channel], environment: environment
            ).run(timeout: timeout, standardErrorFile: standardErrorFile)
        } catch {
            throw .staging(path: staging, reason: "could not run \(executable): \(error.localizedDescription)")
        }
        guard exit.status == 0, !exit.signalled, !exit.timedOut else {
            let failure = MbsyncFailure(
                server: settings.server.url, user: settings.user, secrets: [password], serverTimeout: .seconds(serverTimeout))
            throw failure.error(
                status: exit.status, signalled: exit.signalled, standardError: exit.standardError,
                timedOutAfter: exit.timedOut ? timeout : nil)
        }
        let after = try countMessages()
        return IMAPMirrorResult(messagesInMirror: after, newMessages: max(0, after - before))
    }

    /// Checks what can be checked without the server (`arkisto sources add` can call it): mbsync
    /// is installed, the password can be read (a file only by its owner), the CA file exists.
    public func check() throws(IMAPMirrorError) {
        _ = try checked()
    }

    private func checked() throws(IMAPMirrorError) -> (password: String, mbsync: String) {
        let password: String
        do {
            password = try PasswordCheck(environment: environment).password(from: settings.password)
        } catch {
            throw .invalidSettings(error)
        }
        if let caFile = settings.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw .invalidSettings(.notFound(path: caFile, what: "readable CA certificate file"))
        }
        return (password, try locateMbsync())
    }

    private func locateMbsync() throws(IMAPMirrorError) -> String {
        if let mbsync {
            guard FileManager.default.isExecutableFile(atPath: mbsync) else { throw .mbsyncNotInstalled(searched: [mbsync]) }
            return mbsync
        }
        let (found, searched) = TimedProcess.find("mbsync", environment: environment)
        guard let found else { throw .mbsyncNotInstalled(searched: searched) }
        return found
    }

    /// Makes the staging and state folders (0700) and writes the config (0600).
    private func prepareStaging(config: String) throws(IMAPMirrorError) {
        let files = FileManager.default
        do {
            for folder in [staging, stateFolder] {
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
            }
            try Data(config.utf8).write(to: URL(fileURLWithPath: configFile), options: .atomic)
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configFile)
        } catch {
            throw .staging(path: staging, reason: error.localizedDescription)
        }
    }

    /// Messages in the Maildir's `new/` and `cur/` (mbsync's own dot files left out).
    func countMessages() throws(IMAPMirrorError) -> Int {
        var count = 0
        for folder in ["new", "cur"] {
            let path = maildir + "/" + folder
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                count += try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.count
            } catch {
                throw .staging(path: path, reason: "cannot list the mirrored messages: \(error.localizedDescription)")
            }
        }
        return count
    }
}
