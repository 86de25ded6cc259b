import Archive
import Capture
import Foundation
import Query
import Testing

/// The CDR and helpdesk sources through the scheduler, as `sync` and `watch` run them.
@Suite struct CallsAndHelpdeskCaptureTests {
    private static func cdr(_ n: Int, caller: String, recording: String) -> String {
        "\"\",\"\(caller)\",\"0900000000\",\"from-external\",\"<\(caller)>\",\"SIP/trunk-1\",\"SIP/210-2\",\"Dial\",\"SIP/210,30\","
            + "\"2026-12-06 09:3\(n):00\",\"2026-12-06 09:3\(n):05\",\"2026-12-06 09:3\(n):45\",\"45\",\"40\",\"ANSWERED\","
            + "\"DOCUMENTATION\",\"1796000000.\(n)\",\"\(recording)\"\n"
    }

    private static func append(_ text: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func callsAreReadAsAppendedAndALateTranscriptMakesTheCallSearchableAndAComplaint() throws {
        let scratch = try CaptureScratch()
        let pbx = scratch.folder + "/pbx"
        try FileManager.default.createDirectory(atPath: pbx + "/transcripts", withIntermediateDirectories: true)
        let master = pbx + "/Master.csv"
        try Self.append(Self.cdr(1, caller: "0400000001", recording: "rec-1.wav"), to: master)
        try SourceRegistry(archive: scratch.archive).add(
            ConfiguredSource(name: SourceName("vaihde"), settings: .calls(CallSettings(masterCSV: master))))

        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [1])
        try Self.append(Self.cdr(2, caller: "0400000002", recording: "rec-2.wav"), to: master)
        // Half a record: the PBX is still writing it; it waits for the next run.
        try Self.append(String(Self.cdr(3, caller: "0400000003", recording: "").prefix(40)), to: master)
        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [1])
        #expect(try scratch.interactions == 2)

        let vtt = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\nTeen reklamaation: laskussa on virheellinen roamingmaksu.\n"
        try Data(vtt.utf8).write(to: URL(fileURLWithPath: pbx + "/transcripts/rec-1.vtt"))
        try Self.append(String(Self.cdr(3, caller: "0400000003", recording: "").dropFirst(40)), to: master)
        let third = try CaptureScheduler(context: scratch.context).syncOnce()
        #expect(third.map(\.archived) == [1])
        #expect(third.map(\.updated) == [1])
        #expect(try scratch.interactions == 3)

        let found = try Search(archive: scratch.archive).run("roamingmaksu kind:call", limit: 10)
        #expect(found.hits.map(\.sourceRef) == ["1796000000.1"])
        let complaints = try Search(archive: scratch.archive).run("is:complaint", limit: 10)
        #expect(complaints.hits.map(\.sourceRef) == ["1796000000.1"])
    }

    @Test func aHelpdeskFolderAddsNewFilesAndNewCommentsOnly() throws {
        let scratch = try CaptureScratch()
        let folder = scratch.folder + "/exports"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try SourceRegistry(archive: scratch.archive).add(
            ConfiguredSource(name: SourceName("tiketit"), settings: .helpdesk(HelpdeskFolderSettings(folder: folder))))
        func ticket(_ id: Int, comments: [String]) -> String {
            let list = comments.enumerated().map { index, body in
                "{\"author\": {\"name\": \"Liisa\", \"email\": \"liisa@example.com\", \"role\": \"end-user\"}, \"public\": true, "
                    + "\"created_at\": \"2026-12-0\(index + 1)T09:00:00+02:00\", \"body\": \"\(body)\"}"
            }
            return "{\"id\": \(id), \"created_at\": \"2026-12-01T09:00:00+02:00\", \"subject\": \"Tiketti \(id)\", "
                + "\"requester\": {\"name\": \"Liisa\", \"email\": \"liisa@example.com\"}, \"comments\": [\(list.joined(separator: ", "))]}\n"
        }
        try Self.append(ticket(1, comments: ["Ensimmäinen viesti."]), to: folder + "/day1.jsonl")
        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [1])

        // The same ticket again with one more comment, in a new export file, and a grown first file.
        try Self.append(ticket(1, comments: ["Ensimmäinen viesti.", "Toinen viesti."]), to: folder + "/day2.jsonl")
        try Self.append(ticket(2, comments: ["Uusi tiketti."]), to: folder + "/day1.jsonl")
        let second = try CaptureScheduler(context: scratch.context).syncOnce()
        #expect(second.map(\.archived) == [2])
        #expect(try scratch.interactions == 3, "ticket 1's first comment is not archived twice")
        #expect(try CaptureScheduler(context: scratch.context).syncOnce().map(\.archived) == [0])
    }
}
