#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of an archive that group or others may read or write.
public struct ExposedFile: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var permissions: mode_t
    /// What it should be: 0600 for a file, 0700 for a directory.
    public var wanted: mode_t

    public var description: String {
        "\(path) has permissions \(SecureFiles.octal(permissions)); it holds personal data or a key and must be "
            + "readable by its owner only (chmod \(String(wanted, radix: 8)) \(path), or arkisto doctor --fix)"
    }
}

/// Checking and fixing the permissions of an archive's files: the archive and its audit database
/// with their `-wal`/`-shm`, the keys, the erasure journal.
public enum ArchivePermissions {
    /// The existing files of the archive (``ArchiveFiles/sensitiveFiles``) and of `extra` (keys kept
    /// elsewhere) that group or others may access.
    public static func exposed(_ files: ArchiveFiles, also extra: [String] = []) -> [ExposedFile] {
        (files.sensitiveFiles + extra).compactMap { path in
            guard let mode = SecureFiles.permissions(of: path), mode & SecureFiles.exposedBits != 0 else { return nil }
            return ExposedFile(path: path, permissions: mode, wanted: SecureFiles.isDirectory(path) ? 0o700 : 0o600)
        }
    }

    /// Takes every permission from group and others.
    public static func fix(_ exposed: [ExposedFile]) throws(SecureFileError) {
        for file in exposed {
            try SecureFiles.setPermissions(file.permissions & ~SecureFiles.exposedBits, of: file.path)
        }
    }
}
