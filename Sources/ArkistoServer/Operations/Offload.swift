import Dispatch

/// Runs blocking archive work (SQLite reads and writes, file reads) on a dispatch queue, so
/// that Swift concurrency's few cooperative threads stay free to serve other requests.
enum Offload {
    fileprivate static let queue = DispatchQueue(label: "arkisto.server.archive", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

extension Offload {
    /// Runs work with a typed error off the cooperative threads, returning its result.
    static func result<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async -> Result<T, E> {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(E) -> T in try work() })
            }
        }
    }
}
