import CCrypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SHA-256 of a file, read in 1 MiB pieces (archives are far larger than memory allows to
/// read at once).
enum FileDigest {
    static func sha256(ofFileAt path: String) throws(SecureFileError) -> ContentDigest {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SecureFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard let context = EVP_MD_CTX_new() else { throw SecureFileError(path: path, reason: "cannot start SHA-256") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            throw SecureFileError(path: path, reason: "cannot start SHA-256")
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SecureFileError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            _ = buffer.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, count) }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        guard let result = ContentDigest(storedBytes: Array(digest.prefix(Int(length)))) else {
            throw SecureFileError(path: path, reason: "SHA-256 gave \(length) bytes")
        }
        return result
    }
}
