@testable import Capture
import Testing

/// The generated mbsync config and how mbsync's complaints are named, without a server.
@Suite struct IMAPMbsyncConfigTests {
    let settings = IMAPSettings(
        server: IMAPServer(host: "mail.esimerkki.fi", port: 10993, mailbox: "Asiakaspalvelu/Saapuneet"),
        user: "asiakaspalvelu", password: .file("/etc/arkisto/imap-salasana"), caFile: "/etc/arkisto/ca.pem")

    func config(_ settings: IMAPSettings, maildir: String = "/var/lib/arkisto/imap/maildir") throws -> String {
        try MbsyncConfig(settings: settings, maildir: maildir, statePrefix: "/var/lib/arkisto/imap/state/", serverTimeoutSeconds: 20).text()
    }

    @Test func pullsNewMessagesOnlyAndNeverExpungesOrRemoves() throws {
        let lines = try config(settings).split(separator: "\n").map(String.init)
        #expect(lines.contains("Sync PullNew"))
        #expect(lines.contains("Expunge None"))
        #expect(lines.contains("Remove None"))
        #expect(lines.contains("Create Near"))
        #expect(lines.contains("SSLType IMAPS"))
        #expect(lines.contains(#"Far ":far:Asiakaspalvelu/Saapuneet""#))
    }

    @Test func aCAFileIsTheOnlyTrustAnchorAndWithoutItTheSystemsAre() throws {
        let withCA = try config(settings)
        #expect(withCA.contains(#"CertificateFile "/etc/arkisto/ca.pem""#))
        #expect(withCA.contains("SystemCertificates no"))
        var system = settings
        system.caFile = nil
        let withoutCA = try config(system)
        #expect(!withoutCA.contains("CertificateFile"))
        #expect(withoutCA.contains("SystemCertificates yes"))
    }

    @Test func thePasswordIsReadByACommandWithItsPathQuotedForTheShellAndForMbsync() throws {
        var odd = settings
        odd.password = .file(#"/srv/salasana "x" ja 'y' \ $HOME"#)
        let command = try MbsyncConfig(settings: odd, maildir: "/m", statePrefix: "/s/", serverTimeoutSeconds: 20).passwordCommand()
        #expect(command == #"head -n 1 -- '/srv/salasana "x" ja '\''y'\'' \ $HOME'"#)
        #expect(try config(odd).contains(#"PassCmd "head -n 1 -- '/srv/salasana \"x\" ja '\\''y'\\'' \\ $HOME'""#))

        odd.password = .environment("ARKISTO_IMAP_PASSWORD")
        #expect(try config(odd).contains(#"PassCmd "printenv ARKISTO_IMAP_PASSWORD""#))
        odd.password = .environment("X; rm -rf /")
        #expect(throws: IMAPMirrorError.self) { try config(odd) }
    }

    @Test func aLineBreakInAPathIsRefused() {
        #expect(throws: IMAPMirrorError.unwritableSetting(what: "staging Maildir", value: "/tmp/a\nSync All")) {
            try config(settings, maildir: "/tmp/a\nSync All")
        }
    }

    // mbsync 1.4's own words, as printed against the test Dovecot.
    let failure = MbsyncFailure(server: "imaps://localhost:10993/INBOX", user: "asiakaspalvelu", secrets: ["sala sana"], serverTimeout: .seconds(20))

    @Test func namesMbsyncsComplaints() {
        func kind(_ text: String) -> String {
            switch failure.error(status: 1, signalled: false, standardError: text, timedOutAfter: nil) {
            case .authenticationFailed: "authentication"
            case .certificateNotTrusted: "certificate"
            case .cannotConnect: "connect"
            case .connectionLost: "lost"
            case .timedOut: "timeout"
            case .mailboxRenumbered: "renumbered"
            default: "other"
            }
        }
        #expect(kind("IMAP command 'AUTHENTICATE PLAIN <authdata>' returned an error: NO [AUTHENTICATIONFAILED] Authentication failed.") == "authentication")
        #expect(kind("SSL error connecting localhost (127.0.0.1:47243): unable to get local issuer certificate") == "certificate")
        #expect(kind("Error, certificate owner does not match hostname 127.0.0.1") == "certificate")
        #expect(kind("Cannot connect to localhost (127.0.0.1:1): Connection refused\nNo working address found for localhost") == "connect")
        #expect(kind("Error: Cannot resolve server 'nosuch.invalid': Name or service not known") == "connect")
        #expect(kind("Socket error from localhost (127.0.0.1:56467): Broken pipe") == "lost")
        #expect(kind("Error: channel arkisto-mirror, far side box INBOX: Unable to recover from UIDVALIDITY change.") == "renumbered")
        #expect(kind("Error: channel x, far side box INBOX: UIDVALIDITY genuinely changed (at UID 438231).") == "renumbered")
    }

    @Test func leavesThePasswordAndNoticesOutOfTheDetail() {
        let error = failure.error(
            status: 1, signalled: false,
            standardError: "Maildir notice: no UIDVALIDITY, creating new.\nIMAP error: bogus reply to sala sana\n", timedOutAfter: nil)
        #expect(error == .failed(server: "imaps://localhost:10993/INBOX", status: 1, detail: "IMAP error: bogus reply to [password]"))
    }
}
