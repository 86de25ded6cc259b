import Capture
import Foundation
import Hummingbird
import Ingest
import Logging

/// What `arkisto serve` runs: the web app and, when the configuration asks, the archive's capture
/// sources in the background (``BackgroundCapture``), sharing one archive and one set of metrics.
public struct WebService: Sendable {
    public let application: WebServer.App
    /// Nil when capture is off.
    let capture: BackgroundCapture?
    /// Nil when the OCR pass is off.
    let recognition: BackgroundRecognition?
    let state: ServerState

    /// `users` replaces the users file (for tests); `onListening` is told the address once the
    /// server accepts connections, which is also when the capture starts.
    public init(
        _ configuration: ServerConfiguration, users: UsersFile? = nil, logger: Logger? = nil,
        onListening: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) throws {
        let logger = logger ?? Logger(label: "arkisto.server") { StreamLogHandler.standardError(label: $0) }
        let state = try WebServer.state(configuration, users: users, logger: logger)
        let capture = configuration.capture ? try Self.capture(state, logger: logger) : nil
        let recognition = configuration.recognition ? try Self.recognition(state, logger: logger) : nil
        let host = configuration.host
        application = Application(
            router: WebServer.router(state, trustForwardedFor: configuration.trustForwardedFor),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                onListening(host, channel.localAddress?.port ?? configuration.port)
                capture?.start()
                recognition?.start()
            },
            logger: logger)
        self.capture = capture
        self.recognition = recognition
        self.state = state
    }

    /// Serves until SIGTERM or SIGINT: the web app shuts down gracefully (Hummingbird's service
    /// group answers the signals: no new connections, requests in flight finish), then the
    /// capture finishes the batch in flight, the OCR pass the pages in flight, and this returns.
    public func run() async throws {
        do {
            try await application.runService()
        } catch {
            await stopBackgroundWork()
            throw error
        }
        await stopBackgroundWork()
    }

    private func stopBackgroundWork() async {
        recognition?.requestStop()
        await capture?.stop()
        await recognition?.stop()
    }

    private static func capture(_ state: ServerState, logger: Logger) throws(WebServer.StartupError) -> BackgroundCapture {
        BackgroundCapture(
            context: CaptureContext(archive: state.service.store, personalIDKey: try key(state, for: "capture")),
            metrics: state.metrics, logger: logger)
    }

    private static func recognition(_ state: ServerState, logger: Logger) throws(WebServer.StartupError) -> BackgroundRecognition {
        BackgroundRecognition(
            pass: RecognitionPass(archive: state.service.store, personalIDKey: try key(state, for: "OCR")), logger: logger)
    }

    private static func key(_ state: ServerState, for purpose: String) throws(WebServer.StartupError) -> PersonalIDKey {
        do {
            return try PersonalIDKey.loadOrCreate(at: state.service.personalIDKeyPath)
        } catch {
            throw WebServer.StartupError(description: "\(purpose): \(error)")
        }
    }
}
