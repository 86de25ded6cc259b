import Archive
import FinnishText

/// The secret key with which personal identity codes (henkilötunnus) are hashed before they are
/// stored or compared: the archive holds only `hash(_:)` values, in mentions and in the customer
/// register alike, so both must be hashed with the same key.
///
/// The key never appears in descriptions, debug output or mirrors. Losing the key file orphans
/// every stored hash (the register must then be re-imported and the archive re-linked); leaking it
/// lets anyone confirm a guessed code, so keep it readable by the archive's user only.
public struct PersonalIDKey: Sendable {
    /// A created key is this many random bytes.
    public static let byteCount = 32
    /// A key file must hold at least this many bytes.
    public static let minimumByteCount = 32
    /// A key file larger than this is refused as probably the wrong file.
    public static let maximumByteCount = KeyFile.maximumByteCount

    private let mac: HMACSHA256

    /// A key from its raw bytes (at least `minimumByteCount` of them), e.g. from a secret store.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= Self.minimumByteCount else { return nil }
        mac = HMACSHA256(key: bytes)
    }

    /// Reads the key file at `path`, or creates it with `byteCount` bytes from the system's
    /// cryptographically secure generator and permissions 0600 when there is none.
    ///
    /// Throws when the file cannot be read, is not a regular file, is shorter than
    /// `minimumByteCount` bytes, or may be read or written by group or others.
    public static func loadOrCreate(at path: String) throws(PersonalIDKeyError) -> PersonalIDKey {
        let bytes: [UInt8]
        do {
            bytes = try KeyFile.loadOrCreate(at: path, byteCount: byteCount)
        } catch {
            throw PersonalIDKeyError(error)
        }
        guard let key = PersonalIDKey(bytes: bytes) else { throw .tooShort(path: path, byteCount: bytes.count) }
        return key
    }

    /// The keyed hash of a code: lowercase hex of HMAC-SHA256 over its canonical upper-case form,
    /// so `131052-308t` and `131052-308T` hash alike.
    public func hash(_ code: PersonalIdentityCode) -> String {
        mac.code(for: Array(code.value.uppercased().utf8)).hex
    }

    /// A keyed digest of bytes that may hold a personal identity code in clear (a customer record
    /// as read), to recognise them again without storing a plain SHA-256 from which a guessed code
    /// could be confirmed. Domain-separated from `hash(_:)`.
    public func fingerprint(_ bytes: [UInt8]) -> ContentDigest {
        mac.code(for: Self.fingerprintDomain + bytes)
    }

    private static let fingerprintDomain = Array("arkisto-record-fingerprint\u{0}".utf8)
}

extension PersonalIDKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "PersonalIDKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
