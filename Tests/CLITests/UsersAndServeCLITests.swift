import Foundation
import Testing

/// `arkisto users revoke|remove` and `arkisto serve` refusing a missing archive, through the real executable.
@Suite struct UsersAndServeCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    static let usersFile = """
        {"users": [
          {"name": "aino", "role": "agent", "tokens": [
            {"id": "0a0a", "hash": "sha256$AAAA$BBBB", "created_at": "2026-01-01T00:00:00Z"},
            {"id": "0b0b", "hash": "sha256$AAAA$CCCC", "created_at": "2026-01-02T00:00:00Z"},
            {"id": "0c0c", "hash": "sha256$AAAA$DDDD", "created_at": "2026-01-03T00:00:00Z"}]},
          {"name": "olli", "role": "privacy-officer", "tokens": [
            {"id": "0d0d", "hash": "sha256$AAAA$EEEE", "created_at": "2026-01-04T00:00:00Z"}]}
        ]}
        """

    func tokenIDs(_ path: String, _ name: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let users = object?["users"] as? [[String: Any]] ?? []
        let user = users.first { $0["name"] as? String == name }
        return (user?["tokens"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func revokeRemovesOneOrAllOfAUsersTokens() throws {
        let folder = try ScratchFolder()
        let users = folder.path("users.json")
        try Data(Self.usersFile.utf8).write(to: URL(fileURLWithPath: users))

        let list = try arkisto.run(["users", "list", "--users", users], in: folder.url)
        #expect(list.standardOutput.contains("aino  agent  no password  3 tokens"))
        let tokens = try arkisto.run(["users", "tokens", "aino", "--users", users], in: folder.url)
        #expect(tokens.standardOutput == "0a0a  2026-01-01T00:00:00Z\n0b0b  2026-01-02T00:00:00Z\n0c0c  2026-01-03T00:00:00Z\n")

        let one = try arkisto.run(["users", "revoke", "aino", "--token", "0b0b", "--users", users], in: folder.url)
        #expect(one.status == 0, "\(one.standardError)")
        #expect(one.standardOutput == "revoked 1 token of aino\n")
        #expect(try tokenIDs(users, "aino") == ["0a0a", "0c0c"])

        let unknownToken = try arkisto.run(["users", "revoke", "aino", "--token", "ffff", "--users", users], in: folder.url)
        #expect(unknownToken.status != 0)
        #expect(unknownToken.standardError.contains("aino has no token ffff"))

        let all = try arkisto.run(["users", "revoke", "aino", "--users", users], in: folder.url)
        #expect(all.standardOutput == "revoked 2 tokens of aino\n")
        #expect(try tokenIDs(users, "aino").isEmpty)
        #expect(try tokenIDs(users, "olli") == ["0d0d"])
        let mode = (try FileManager.default.attributesOfItem(atPath: users)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)

        let nobody = try arkisto.run(["users", "revoke", "eiole", "--users", users], in: folder.url)
        #expect(nobody.status != 0)
        #expect(nobody.standardError.contains("no user 'eiole'"))

        let removed = try arkisto.run(["users", "remove", "olli", "--users", users], in: folder.url)
        #expect(removed.status == 0)
        #expect(!(try arkisto.run(["users", "list", "--users", users], in: folder.url).standardOutput.contains("olli")))
    }

    @Test func serveRefusesAMissingArchiveUnlessCreateIsGiven() throws {
        let folder = try ScratchFolder()
        let archive = folder.path("puuttuu.sqlite")
        let result = try arkisto.run(
            ["serve", "--archive", archive, "--port", "0", "--users", folder.path("users.json")], in: folder.url)
        #expect(result.status != 0)
        #expect(result.standardError.contains("no archive at \(archive)"))
        #expect(result.standardError.contains("--create"))
        #expect(!FileManager.default.fileExists(atPath: archive))
        let badFolder = try arkisto.run(
            ["serve", "--archive", archive, "--create", "--import-dir", folder.path("ei-ole")], in: folder.url)
        #expect(badFolder.status != 0)
        #expect(badFolder.standardError.contains("--import-dir"))
    }
}
