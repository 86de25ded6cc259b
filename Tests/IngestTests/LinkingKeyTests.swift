import Archive
import FinnishText
import Foundation
@testable import Ingest
import Testing

@Suite struct LinkingKeyTests {
    /// A fresh directory per test, removed afterwards.
    private struct Scratch {
        let directory: URL
        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("linking-key-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        func remove() { try? FileManager.default.removeItem(at: directory) }
        func write(_ bytes: [UInt8], to name: String, permissions: Int) throws -> String {
            let path = path(name)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw CocoaError(.fileWriteUnknown)
            }
            try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
            return path
        }
    }

    private static func permissions(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    private let code = PersonalIdentityCode("131052-308T")

    @Test func aMissingKeyFileIsCreatedOwnerOnlyWith32RandomBytes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("personal-id.key")
        _ = try PersonalIDKey.loadOrCreate(at: path)
        #expect(try Self.permissions(of: path) == 0o600)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.count == 32)
        #expect(Set(bytes).count > 8, "random bytes, not a constant")
        // No temporary file is left beside the key.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path) == ["personal-id.key"])
    }

    @Test func anExistingKeyIsReusedAndHashesStably() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let code = try #require(code)
        let path = scratch.path("key")
        let first = try PersonalIDKey.loadOrCreate(at: path)
        let again = try PersonalIDKey.loadOrCreate(at: path)
        #expect(first.hash(code) == again.hash(code))
        #expect(first.hash(code) == first.hash(try #require(PersonalIdentityCode("131052-308t"))))

        let other = try PersonalIDKey.loadOrCreate(at: scratch.path("other-key"))
        #expect(other.hash(code) != first.hash(code))
    }

    @Test func theHashIsLowercaseHexHMACOfTheCanonicalCodeAndNeverTheCode() throws {
        let code = try #require(code)
        let bytes = Array(repeating: UInt8(0x42), count: 32)
        let key = try #require(PersonalIDKey(bytes: bytes))
        let hash = key.hash(code)
        #expect(hash == HMACSHA256(key: bytes).code(for: Array("131052-308T".utf8)).hex)
        #expect(hash.count == 64)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(!hash.uppercased().contains("131052"))
    }

    @Test func aWorldOrGroupReadableKeyIsRefusedNamingTheFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let bytes = Array(repeating: UInt8(1), count: 32)
        for permissions in [0o644, 0o640, 0o604] {
            let path = try scratch.write(bytes, to: "key-\(String(permissions, radix: 8))", permissions: permissions)
            #expect(throws: PersonalIDKeyError.exposed(path: path, permissions: "0" + String(permissions, radix: 8))) {
                try PersonalIDKey.loadOrCreate(at: path)
            }
            // The file is left as it was: the operator decides.
            #expect(try Self.permissions(of: path) == permissions)
        }
        let error = PersonalIDKeyError.exposed(path: "/srv/arkisto/key", permissions: "0644")
        #expect(error.description.contains("/srv/arkisto/key"))
        #expect(error.description.contains("chmod 600"))
    }

    @Test func aShortKeyFileIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(Array(repeating: 1, count: 16), to: "short", permissions: 0o600)
        #expect(throws: PersonalIDKeyError.tooShort(path: path, byteCount: 16)) {
            try PersonalIDKey.loadOrCreate(at: path)
        }
        #expect(PersonalIDKeyError.tooShort(path: path, byteCount: 16).description.contains(path))
    }

    @Test func aDirectoryOrUnreadableFileIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(throws: PersonalIDKeyError.self) { try PersonalIDKey.loadOrCreate(at: scratch.directory.path) }
        let missingDirectory = scratch.path("no/such/dir/key")
        #expect(throws: PersonalIDKeyError.self) { try PersonalIDKey.loadOrCreate(at: missingDirectory) }
        do {
            _ = try PersonalIDKey.loadOrCreate(at: missingDirectory)
        } catch {
            #expect(String(describing: error).contains(missingDirectory))
        }
    }

    @Test func theKeyNeverShowsInDescriptions() throws {
        let key = try #require(PersonalIDKey(bytes: Array(repeating: 0x41, count: 32)))
        for text in [String(describing: key), String(reflecting: key), "\(key)"] {
            #expect(!text.contains("AAAA"))
            #expect(!text.contains("65"))
        }
        #expect(Mirror(reflecting: key).children.isEmpty)
    }

    @Test func shortRawKeysAreRefused() {
        #expect(PersonalIDKey(bytes: Array(repeating: 1, count: 31)) == nil)
    }

    /// RFC 4231 test cases 2 and 6 (a key longer than the block).
    @Test func hmacMatchesRFC4231() {
        let jefe = HMACSHA256(key: Array("Jefe".utf8)).code(for: Array("what do ya want for nothing?".utf8))
        #expect(jefe.hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let long = HMACSHA256(key: Array(repeating: 0xAA, count: 131))
            .code(for: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(long.hex == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func recordFingerprintsAreKeyedAndDistinctFromCodeHashes() throws {
        let code = try #require(code)
        let one = try #require(PersonalIDKey(bytes: Array(repeating: 1, count: 32)))
        let two = try #require(PersonalIDKey(bytes: Array(repeating: 2, count: 32)))
        let record = Array("{\"id\":\"C1\",\"hetu\":\"131052-308T\"}".utf8)
        #expect(one.fingerprint(record) == one.fingerprint(record))
        #expect(one.fingerprint(record) != two.fingerprint(record))
        #expect(one.fingerprint(Array("131052-308T".utf8)).hex != one.hash(code))
    }
}
