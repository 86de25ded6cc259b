import Archive
import Foundation
import Hummingbird
import Logging

/// The agents' web app and JSON API over one archive.
public enum WebServer {
    public typealias App = Application<RouterResponder<ArkistoRequestContext>>

    public struct StartupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The web application alone for a configuration, never capturing (``WebService`` runs the
    /// capture beside it). `users` replaces the users file (for tests); `onListening` is told the
    /// address once the server accepts connections.
    public static func application(
        _ configuration: ServerConfiguration, users: UsersFile? = nil, logger: Logger? = nil,
        onListening: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) throws -> App {
        var configuration = configuration
        configuration.capture = false
        configuration.recognition = false
        return try WebService(configuration, users: users, logger: logger, onListening: onListening).application
    }

    /// Everything the routes share, opened from a configuration.
    static func state(_ configuration: ServerConfiguration, users: UsersFile?, logger: Logger) throws -> ServerState {
        guard configuration.createArchive || FileManager.default.fileExists(atPath: configuration.archivePath) else {
            throw StartupError(description: """
                no archive at \(configuration.archivePath): import into it first (arkisto import …), check --archive, \
                or give --create to serve a new, empty archive
                """)
        }
        let store: ArchiveStore
        do {
            store = try ArchiveStore(path: configuration.archivePath, auditKeyPath: configuration.auditKeyPath)
        } catch {
            throw StartupError(description: "\(error)")
        }
        let directory: UserDirectory
        if let users {
            directory = UserDirectory(users: users)
        } else {
            do {
                directory = try UserDirectory(path: configuration.usersPath)
            } catch {
                throw StartupError(description: "\(error)")
            }
        }
        let sessionFile: SessionFile
        do {
            sessionFile = try SessionFile(path: configuration.sessionsPath ?? configuration.archivePath + ".sessions")
        } catch {
            throw StartupError(description: "\(error)")
        }
        let metricsAccess: MetricsAccess
        do {
            metricsAccess = try MetricsAccess(tokenFile: configuration.metricsTokenPath)
        } catch {
            throw StartupError(description: "\(error)")
        }
        let service = ArchiveService(store: store, personalIDKeyPath: configuration.personalIDKeyPath, metrics: ServerMetrics())
        return ServerState(
            service: service, pages: try PageRenderer(), users: directory, sessions: SessionStore(file: sessionFile, logger: logger),
            signIn: SignInService(users: directory, throttle: SignInThrottle(), hashing: HashingPool()),
            signInTokens: try SignInTokens(),
            imports: ImportJobs(folders: ImportFolders(configuration.importFolders), service: service, logger: logger),
            metricsAccess: metricsAccess)
    }

    static func router(_ state: ServerState, trustForwardedFor: Bool) -> Router<ArkistoRequestContext> {
        let router = Router(context: ArkistoRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(pages: state.pages))
        router.add(middleware: AuthenticationMiddleware(
            users: state.users, sessions: state.sessions, trustForwardedFor: trustForwardedFor))
        PublicRoutes().register(on: router)
        SessionRoutes(state: state).register(on: router)
        SearchRoutes(state: state).register(on: router)
        CustomerRoutes(state: state).register(on: router)
        InspectionRoutes(state: state).register(on: router)
        PrivacyRoutes(state: state).register(on: router)
        ImportRoutes(state: state).register(on: router)
        SignInLockRoutes(state: state).register(on: router)
        SourceRoutes(state: state).register(on: router)
        MetricsRoutes(state: state).register(on: router)
        APIRoutes(state: state).register(on: router)
        return router
    }
}
