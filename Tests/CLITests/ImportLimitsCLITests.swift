import Foundation
import Testing

/// `arkisto import helpdesk --max-comments` and the `updated` count of `arkisto import customers`,
/// run as users run them.
@Suite struct ImportLimitsCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    struct Summary: Decodable {
        var archived: Int
        var updated: Int
        var alreadyPresent: Int
        var quarantined: Int
        var quarantinedByReason: [String: Int]

        enum CodingKeys: String, CodingKey {
            case archived, updated, alreadyPresent = "already_present", quarantined
            case quarantinedByReason = "quarantined_by_reason"
        }
    }

    func runImport(_ arguments: [String], in folder: borrowing ScratchFolder) throws -> Summary {
        let result = try arkisto.run(["import"] + arguments + ["--archive", "a.sqlite", "--json", "--quiet"], in: folder.url)
        try #require(result.status == 0, "import failed: \(result.standardError)")
        return try JSONDecoder().decode(Summary.self, from: Data(result.standardOutput.utf8))
    }

    @Test func maxCommentsQuarantinesTheRestOfATicket() throws {
        let folder = try ScratchFolder()
        let comments = (1...4).map { #"{"author": {"email": "a@b.fi", "role": "end-user"}, "body": "viesti \#($0)"}"# }
        let line = #"{"id": 7, "subject": "Pitkä", "created_at": 1e22, "comments": []}"# + "\n"
            + #"{"id": 8, "subject": "Pitkä", "comments": ["# + comments.joined(separator: ", ") + "]}\n"
        try Data(line.utf8).write(to: folder.url.appendingPathComponent("tickets.jsonl"))
        let summary = try runImport(["helpdesk", "--max-comments", "2", "tickets.jsonl"], in: folder)
        #expect(summary.archived == 1)
        #expect(summary.quarantinedByReason == ["malformed_record": 1, "too_many_comments": 1])
        let refused = try arkisto.run(["import", "helpdesk", "--max-comments", "0", "tickets.jsonl"], in: folder.url)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--max-comments must be at least 1"))
    }

    @Test func aChangedCustomerCountsAsUpdated() throws {
        let folder = try ScratchFolder()
        let file = folder.url.appendingPathComponent("customers.jsonl")
        try Data(#"{"id": "C1", "name": "Aino"}"#.utf8).write(to: file)
        #expect(try runImport(["customers", "customers.jsonl"], in: folder).archived == 1)
        try Data(#"{"id": "C1", "name": "Aino Virtanen"}"#.utf8).write(to: file)
        let changed = try runImport(["customers", "customers.jsonl"], in: folder)
        #expect(changed.archived == 0 && changed.updated == 1)
        let unchanged = try runImport(["customers", "customers.jsonl"], in: folder)
        #expect(unchanged.archived == 0 && unchanged.updated == 0 && unchanged.alreadyPresent == 1)
    }
}
