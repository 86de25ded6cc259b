import Archive
import Capture
import Foundation
import Testing

@Suite struct SourceRegistryTests {
    @Test func namesAreShortAndSafeForFoldersAndLabels() throws {
        #expect(try SourceName("posti-2.inbox_a").rawValue == "posti-2.inbox_a")
        for bad in ["", "-alku", "../etc", "posti laatikko", "ä", String(repeating: "a", count: 65), "a\"b"] {
            #expect(throws: SourceSettingsError.self, "\(bad)") { try SourceName(bad) }
        }
    }

    @Test func aSourceIsKeptWithAbsolutePathsAndListedAndRemoved() throws {
        let scratch = try CaptureScratch()
        let maildir = try scratch.maildir("posti")
        let registry = SourceRegistry(archive: scratch.archive)
        try registry.add(ConfiguredSource(
            name: SourceName("posti"), settings: .maildir(MaildirSettings(path: scratch.folder + "/posti/../posti/"))))

        let listed = try registry.all()
        #expect(listed.map(\.name.rawValue) == ["posti"])
        #expect(listed.first?.settings == .maildir(MaildirSettings(path: URL(fileURLWithPath: maildir).standardizedFileURL.path)))
        #expect(throws: SourceRegistryError.self) {
            try registry.add(ConfiguredSource(name: SourceName("posti"), settings: .maildir(MaildirSettings(path: maildir))))
        }
        try registry.remove(named: "posti")
        #expect(try registry.all().isEmpty)
        #expect(throws: SourceRegistryError.self) { try registry.remove(named: "posti") }
    }

    @Test func whatASourceNamesMustExist() throws {
        let scratch = try CaptureScratch()
        let registry = SourceRegistry(archive: scratch.archive)
        let plainFolder = scratch.folder + "/plain"
        try FileManager.default.createDirectory(atPath: plainFolder, withIntermediateDirectories: true)
        let cases: [SourceSettings] = [
            .maildir(MaildirSettings(path: scratch.folder + "/missing")),
            .maildir(MaildirSettings(path: plainFolder)),
            .helpdesk(HelpdeskFolderSettings(folder: scratch.folder + "/missing")),
            .calls(CallSettings(masterCSV: scratch.folder + "/no/such/folder/Master.csv")),
        ]
        for settings in cases {
            #expect(throws: SourceRegistryError.self, "\(settings)") {
                try registry.add(ConfiguredSource(name: SourceName("x"), settings: settings))
            }
        }
        #expect(try registry.all().isEmpty)
    }

    @Test func anIMAPPasswordFileOthersCanReadIsRefused() throws {
        let scratch = try CaptureScratch()
        let registry = SourceRegistry(archive: scratch.archive)
        let passwordFile = scratch.folder + "/imap-password"
        try Data("salasana\n".utf8).write(to: URL(fileURLWithPath: passwordFile))
        let settings = IMAPSettings(
            server: try IMAPServer(url: "imaps://127.0.0.1:10993/INBOX"), user: "asiakaspalvelu", password: .file(passwordFile))

        chmod(passwordFile, 0o644)
        #expect(throws: SourceRegistryError.self) {
            try registry.add(ConfiguredSource(name: SourceName("imap"), settings: .imap(settings)))
        }
        chmod(passwordFile, 0o600)
        try registry.add(ConfiguredSource(name: SourceName("imap"), settings: .imap(settings)))
        // The password itself is nowhere in the archive's settings.
        #expect(try !scratch.archive.sources().contains { $0.settings.contains("salasana") })

        // Removing the source deletes its staged copies of the mail.
        let staged = scratch.archive.files.captureFolder + "/imap/maildir/new"
        try FileManager.default.createDirectory(atPath: staged, withIntermediateDirectories: true)
        try Data("Subject: x\r\n\r\ny\r\n".utf8).write(to: URL(fileURLWithPath: staged + "/1.host"))
        try registry.remove(named: "imap")
        #expect(!FileManager.default.fileExists(atPath: scratch.archive.files.captureFolder + "/imap"))
    }
}
