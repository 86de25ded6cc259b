import ArgumentParser
import ArkistoServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the agents' web app and the JSON API (OpenAPI at /openapi.yaml).",
        discussion: """
            Users and roles come from the users file (arkisto users add). Binds to 127.0.0.1 unless --host says \
            otherwise; prints one line `arkisto: listening on http://HOST:PORT` once it accepts connections. \
            A missing archive is refused unless --create is given. Sessions are kept (as hashes of their ids) in \
            ARCHIVE.sessions, so a restart signs nobody out. Admins import only from --import-dir folders. \
            Unless --no-capture is given, the archive's sources (arkisto sources add) are captured continuously \
            in the background, as arkisto watch does, once the server listens (waiting while another sync, watch \
            or serve captures). Unless --no-ocr is given, the images and scanned pages imports and capture queue are \
            recognised in the background (arkisto extract), new ones picked up within seconds. Prometheus metrics are at /metrics for the token in --metrics-token-file or an \
            admin's API token (Authorization: Bearer). SIGTERM or SIGINT: the web app stops gracefully, the \
            capture finishes its batch in flight, OCR the pages in flight, and the process exits 0.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0 picks a free one).") var port = 8080
    @Option(help: ArgumentHelp("The users file (default: $ARKISTO_USERS or ./arkisto-users.json).", valueName: "file"))
    var users: String?
    @Option(help: ArgumentHelp(
        "The personal identity code key file (default: ARCHIVE.pidkey or $ARKISTO_PERSONAL_ID_KEY).", valueName: "path"))
    var personalIDKey: String?
    @Option(name: .customLong("import-dir"), help: ArgumentHelp(
        "A folder whose files admins may import through the server (repeatable; without one, server-side imports are off).",
        valueName: "folder"))
    var importFolders: [String] = []
    @Option(help: ArgumentHelp("The sessions file (default: ARCHIVE.sessions).", valueName: "file"))
    var sessions: String?
    @Flag(help: "Create the archive when it does not exist (otherwise a missing archive is refused).")
    var create = false
    @Flag(help: "Behind a reverse proxy: take the client's address (for sign-in throttling) from X-Forwarded-For.")
    var trustProxy = false
    @Flag(help: "Serve only: do not capture the archive's sources in the background (run arkisto watch or sync instead).")
    var noCapture = false
    @Flag(help: "Do not run the OCR pass in the background (run arkisto extract instead).")
    var noOCR = false
    @Option(help: ArgumentHelp(
        "A file (mode 0600) whose first line is the bearer token Prometheus scrapes /metrics with (otherwise only admins' API tokens may).",
        valueName: "file"))
    var metricsTokenFile: String?

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0–65535") }
        for folder in importFolders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--import-dir \(folder): no such folder")
            }
        }
    }

    func run() async throws {
        let usersPath = users ?? UsersFile.defaultPath
        if !FileManager.default.fileExists(atPath: usersPath) {
            Output.error("note: no users file at \(usersPath): nobody can sign in (arkisto users add NAME --users \(usersPath))")
        }
        if FileManager.default.fileExists(atPath: archive.path) {
            // Warns about exposed files and re-applies the erasure journal to a restored archive.
            _ = try archive.open()
        }
        let configuration = ServerConfiguration(
            host: host, port: port, archivePath: archive.path, usersPath: usersPath,
            personalIDKeyPath: personalIDKey ?? ProcessInfo.processInfo.environment["ARKISTO_PERSONAL_ID_KEY"],
            auditKeyPath: ArchiveOpening.auditKeyPath(archivePath: archive.path),
            sessionsPath: sessions, importFolders: importFolders, createArchive: create, trustForwardedFor: trustProxy,
            capture: !noCapture, metricsTokenPath: metricsTokenFile, recognition: !noOCR)
        let service = try WebService(configuration) { host, port in
            let shown = host.contains(":") ? "[\(host)]" : host
            FileHandle.standardOutput.write(Data("arkisto: listening on http://\(shown):\(port)\n".utf8))
        }
        try await service.run()
    }
}
