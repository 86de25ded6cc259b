import Foundation
import Testing

/// A real Dovecot on 127.0.0.1, run by `tools/capture/dovecot.py` in a folder of its own (removed
/// by `destroy`). Every call runs the harness and decodes the JSON it prints.
struct IMAPDovecotHarness {
    struct Info: Decodable {
        var host: String
        var port: Int
        var user: String
        var mailbox: String
        var passwordFile: String
        var wrongPasswordFile: String
        var caFile: String
        var url: String
    }

    struct MailboxState: Decodable, Equatable {
        struct Message: Decodable, Equatable {
            var uid: Int
            var flags: [String]
        }

        var uidvalidity: Int
        var uidnext: Int
        var messages: [Message]
    }

    struct Delivered: Decodable {
        var index: Int
        var messageId: String
        var uid: Int?
    }

    /// The folder holding the server, its CA, its users and its mail; also a scratch folder for
    /// the test.
    let folder: URL
    let info: Info

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tools/capture/dovecot.py").path

    /// Starts a new server. mbsync and Dovecot must be installed (tools/setup.sh installs them).
    static func start() throws -> IMAPDovecotHarness {
        for program in ["/usr/sbin/dovecot", "/usr/bin/mbsync", "/usr/bin/openssl"] {
            try #require(
                FileManager.default.isExecutableFile(atPath: program),
                "\(program) is missing: run tools/setup.sh (Debian packages dovecot-imapd, isync, openssl)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-imap-\(UUID().uuidString)")
        let info = try decode(Info.self, from: run(["start", "--dir", folder.path + "/server"]))
        return IMAPDovecotHarness(folder: folder, info: info)
    }

    var serverFolder: String { folder.path + "/server" }

    func deliver(_ count: Int, sizeKB: Int = 0) throws -> [Delivered] {
        try Self.decode([Delivered].self, from: Self.run(["deliver", "--dir", serverFolder, "--count", "\(count)", "--size-kb", "\(sizeKB)"]))
    }

    func state() throws -> MailboxState {
        try Self.decode(MailboxState.self, from: Self.run(["state", "--dir", serverFolder]))
    }

    func expunge(uid: Int) throws {
        _ = try Self.run(["expunge", "--dir", serverFolder, "--uid", "\(uid)"])
    }

    /// Gives the mailbox a new UIDVALIDITY, as a server that recreated it would.
    func renumber(uidValidity: Int) throws {
        _ = try Self.run(["renumber", "--dir", serverFolder, "--uid-validity", "\(uidValidity)"])
    }

    func stop() throws { _ = try Self.run(["stop", "--dir", serverFolder]) }

    func restart() throws { _ = try Self.run(["start", "--dir", serverFolder]) }

    /// Starts, without waiting, a harness process that SIGKILLs every process whose command line
    /// contains `match` once `maildir` holds `messages` messages.
    func killClient(matching match: String, whenMaildir maildir: String, holds messages: Int) throws -> Process {
        try Self.launch(["kill-client-after", "--dir", serverFolder, "--maildir", maildir, "--messages", "\(messages)", "--match", match]).process
    }

    /// Starts, without waiting, a harness process that stops the server once `maildir` holds
    /// `messages` messages.
    func stopServer(whenMaildir maildir: String, holds messages: Int) throws -> Process {
        try Self.launch(["stop-after", "--dir", serverFolder, "--maildir", maildir, "--messages", "\(messages)"]).process
    }

    func destroy() {
        _ = try? Self.run(["destroy", "--dir", serverFolder])
        try? FileManager.default.removeItem(at: folder)
    }

    // Running the harness.

    private static func launch(_ arguments: [String]) throws -> (process: Process, output: Pipe, errors: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, output, errors)
    }

    private static func run(_ arguments: [String]) throws -> Data {
        let (process, output, errors) = try launch(arguments)
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "dovecot.py \(arguments.joined(separator: " ")) failed: \(String(decoding: complaint, as: UTF8.self))")
        return printed
    }

    private static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: data)
    }
}
