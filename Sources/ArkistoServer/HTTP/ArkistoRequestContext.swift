import Hummingbird

/// The request context: Hummingbird's own, and who is signed in (set by ``AuthenticationMiddleware``).
public struct ArkistoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var identity: Identity?
    /// The peer's IP address as the connection shows it (nil in router tests).
    let peerAddress: String?
    /// The client's address for sign-in throttling (set by ``AuthenticationMiddleware``).
    var clientAddress = "unknown"
    /// `METHOD /path`, for audit entries about refusals.
    var requestLine = ""

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        identity = nil
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Form posts and JSON bodies are small.
    public var maxUploadSize: Int { 1 << 20 }
}

/// A signed-in user and how they came: a browser session or an API token.
struct Identity: Sendable {
    enum Channel: Sendable {
        case web(Session)
        case api
    }

    var user: UserAccount
    var channel: Channel

    /// The name in the audit log: `web:NAME` for the web app, `api:NAME` for the API.
    var auditActor: String {
        switch channel {
        case .web: "web:\(user.name)"
        case .api: "api:\(user.name)"
        }
    }

    var session: Session? {
        if case .web(let session) = channel { return session }
        return nil
    }
}
