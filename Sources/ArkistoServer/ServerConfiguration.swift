/// Where the server listens and what it serves.
public struct ServerConfiguration: Sendable {
    /// 127.0.0.1 unless told otherwise.
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var archivePath: String
    public var usersPath: String
    /// The personal identity code key (default: ARCHIVE.pidkey).
    public var personalIDKeyPath: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, archivePath: String, usersPath: String, personalIDKeyPath: String? = nil
    ) {
        self.host = host
        self.port = port
        self.archivePath = archivePath
        self.usersPath = usersPath
        self.personalIDKeyPath = personalIDKeyPath
    }
}
