import Foundation
import Testing

/// `arkisto import calls` run before the PBX's transcripts exist, and again after: the second run
/// attaches them to the calls already archived and counts those calls as updated.
@Suite struct LateCallMediaCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    static let cdr = #"""
        "","0509998877","0104005700","from-external","""Asiakas"" <0509998877>","SIP/trunk-1","SIP/222-1","Dial","SIP/200,30","2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","629","611","ANSWERED","DOCUMENTATION","1741503120.6","rec-1741503120.6.wav"
        "","0509998866","0104005700","from-external","<0509998866>","SIP/trunk-2","SIP/222-2","Dial","SIP/200,30","2025-03-10 10:00:00","","2025-03-10 10:00:20","20","0","NO ANSWER","DOCUMENTATION","1741600000.7",""

        """#

    static let transcript = """
        WEBVTT

        1
        00:00:00.000 --> 00:00:05.000
        <v Asiakas>Teen reklamaation, valokuituyhteys katkeilee iltaisin.

        """

    struct Summary: Decodable {
        var archived: Int
        var updated: Int
        var alreadyPresent: Int

        enum CodingKeys: String, CodingKey { case archived, updated, alreadyPresent = "already_present" }
    }

    struct Hit: Decodable {
        var sourceRef: String
        enum CodingKeys: String, CodingKey { case sourceRef = "source_ref" }
    }

    struct Hits: Decodable {
        var total: Int
        var results: [Hit]
    }

    func run(_ arguments: [String], in folder: URL) throws -> String {
        let result = try arkisto.run(arguments, in: folder)
        try #require(result.status == 0, "arkisto \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        return result.standardOutput
    }

    func importCalls(in folder: URL, json: Bool = true) throws -> String {
        try run(["import", "calls", "--archive", "a.sqlite", "--quiet"] + (json ? ["--json"] : []) + ["calls/Master.csv"], in: folder)
    }

    func search(_ query: String, in folder: URL) throws -> Hits {
        try JSONDecoder().decode(Hits.self, from: Data(run(["search", "--archive", "a.sqlite", "--json", query], in: folder).utf8))
    }

    @Test func transcriptsWrittenAfterTheFirstImportAreAttachedByTheNext() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.url
        let calls = folder.appendingPathComponent("calls")
        try FileManager.default.createDirectory(at: calls.appendingPathComponent("transcripts"), withIntermediateDirectories: true)
        try Data(Self.cdr.utf8).write(to: calls.appendingPathComponent("Master.csv"))

        let first = try JSONDecoder().decode(Summary.self, from: Data(importCalls(in: folder).utf8))
        #expect(first.archived == 2)
        #expect(try search("katkeilee", in: folder).total == 0)

        try Data(Self.transcript.utf8).write(to: calls.appendingPathComponent("transcripts/rec-1741503120.6.vtt"))
        let text = try importCalls(in: folder, json: false)
        #expect(text.contains("updated:         1"))
        #expect(text.contains("already present: 1"))
        #expect(text.contains("archive: 1 complaints"))

        #expect(try search("katkeilla", in: folder).results.map(\.sourceRef) == ["1741503120.6"])
        #expect(try search("is:complaint", in: folder).results.map(\.sourceRef) == ["1741503120.6"])
        let complaints = try run(["complaints", "--archive", "a.sqlite"], in: folder)
        #expect(complaints.contains("(1741503120.6)"))

        let third = try JSONDecoder().decode(Summary.self, from: Data(importCalls(in: folder).utf8))
        #expect(third.updated == 0)
        #expect(third.alreadyPresent == 2)
    }
}
