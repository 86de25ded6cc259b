import Foundation
import Testing

/// The `arkisto import` command run as users run it: as a subprocess of the real executable.
/// Serialized: the crash test times its kills against an uninterrupted run, which other tests
/// running beside it would distort.
@Suite(.serialized) struct ImportCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    /// Imports to the end; fails the test if the import fails.
    @discardableResult
    func importMail(_ mailbox: SampleMailbox, into archive: String, in folder: URL, _ extra: [String] = []) throws -> ImportSummary {
        let result = try arkisto.run(["import", "mail", "--archive", archive, "--json", "--quiet"] + extra + mailbox.paths, in: folder)
        try #require(result.status == 0 && !result.killed, "import failed: \(result.standardError)")
        return try JSONDecoder().decode(ImportSummary.self, from: Data(result.standardOutput.utf8))
    }

    func fingerprint(_ archive: String, in folder: URL) throws -> Fingerprint {
        let result = try arkisto.run(["import", "fingerprint", "--archive", archive], in: folder)
        try #require(result.status == 0, "fingerprint failed: \(result.standardError)")
        return try JSONDecoder().decode(Fingerprint.self, from: Data(result.standardOutput.utf8))
    }
}

/// `arkisto import mail --json`.
struct ImportSummary: Decodable {
    var archived: Int
    var alreadyPresent: Int
    var quarantined: Int
    var quarantinedByReason: [String: Int]
    var bytes: Int64?

    var total: Int { archived + alreadyPresent + quarantined }

    enum CodingKeys: String, CodingKey {
        case archived, alreadyPresent = "already_present", quarantined, quarantinedByReason = "quarantined_by_reason", bytes
    }
}

/// `arkisto import fingerprint`: counts and digests that do not depend on row ids or run count.
struct Fingerprint: Decodable, Equatable {
    var interactions: Int
    var originals: Int
    var sourceLocations: Int
    var quarantined: Int
    var indexTerms: Int
    var interactionsDigest: String
    var originalsDigest: String
    var sourceLocationsDigest: String
    var quarantineDigest: String
    var indexDigest: String
    var indexIntegrity: String
}
