import Archive
import Foundation

/// A file the archive refers to but does not hold (a call recording, a transcript), read from
/// where the import found it and checked against the SHA-256 recorded then.
public enum VerifiedFile {
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case missing(path: String)
        case changed(path: String)

        public var description: String {
            switch self {
            case .missing(let path): "\(path) cannot be read"
            case .changed(let path): "\(path) has changed since it was archived (SHA-256 differs)"
            }
        }
    }

    /// The file's bytes when its SHA-256 (lowercase hex) is `sha256`; with no recorded digest, as read.
    public static func read(path: String, sha256: String?) throws(Failure) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missing(path: path) }
        let bytes = [UInt8](data)
        if let sha256, ContentDigest(of: bytes).hex != sha256.lowercased() { throw .changed(path: path) }
        return bytes
    }
}
