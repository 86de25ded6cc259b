import Foundation
import Testing

/// `arkisto search` refuses hostile queries with a clear message and a non-zero status, and never
/// crashes (the 12,000-parenthesis query of the security review killed it with SIGSEGV).
@Suite struct SearchLimitsCLITests {
    let arkisto: ArkistoProcess
    let mail = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/mail")

    init() throws {
        arkisto = try ArkistoProcess()
    }

    func archive(in folder: borrowing ScratchFolder) throws -> String {
        let archive = folder.path("samples.sqlite")
        let result = try arkisto.run(["import", "mail", "--quiet", mail.path, "--archive", archive], in: folder.url)
        try #require(result.status == 0, "import failed: \(result.standardError)")
        return archive
    }

    @Test func theReviewQueryIsRefusedWithAMessage() throws {
        let folder = try ScratchFolder()
        let archive = try archive(in: folder)
        let query = String(repeating: "(", count: 12_000) + "x" + String(repeating: ")", count: 12_000)
        let result = try arkisto.run(["search", query, "--archive", archive], in: folder.url)
        #expect(!result.killed)
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot read the query: the query is 24001 bytes long; at most 4096 are allowed"))
        // The pointer shows the stretch around the position, not 24 KB of parentheses.
        #expect(result.standardError.utf8.count < 1_000)
    }

    @Test func tooManyTermsAreRefusedAndAFewAreAnswered() throws {
        let folder = try ScratchFolder()
        let archive = try archive(in: folder)
        for (count, reason) in [(2_000, "at most 4096 are allowed"), (100, "more than 64 search terms")] {
            let refused = try arkisto.run(["search", String(repeating: "lasku ", count: count), "--archive", archive], in: folder.url)
            #expect(!refused.killed)
            #expect(refused.status == 1)
            #expect(refused.standardError.contains(reason), "\(refused.standardError)")
        }
        let once = try arkisto.run(["search", "laskusta", "--json", "--archive", archive], in: folder.url)
        let repeated = try arkisto.run(
            ["search", String(repeating: "laskusta ", count: 64), "--json", "--time-limit", "30", "--archive", archive], in: folder.url)
        #expect(once.status == 0 && repeated.status == 0, "\(repeated.standardError)")
        func total(_ output: String) throws -> Int? {
            try (JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])?["total"] as? Int
        }
        let onceTotal = try #require(try total(once.standardOutput))
        #expect(onceTotal > 0)
        #expect(try total(repeated.standardOutput) == onceTotal)
    }
}
