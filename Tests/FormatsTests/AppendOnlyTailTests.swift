import Foundation
import Testing

@testable import FileInput
@testable import Formats

/// Reading a file that another program appends to: from where the last run stopped, whole records
/// only, and what happened to the file in between (grown, truncated, rewritten, rotated).
@Suite("Append-only files")
struct AppendOnlyTailTests {
    static func row(_ id: Int, userField: String = "") -> String {
        #""","0401234567","0104005700","from-external","<0401234567>","SIP/trunk-1","SIP/222-1","Dial","SIP/200,30","2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","629","611","ANSWERED","DOCUMENTATION","\#(id).1","\#(userField)""#
            + "\n"
    }

    static func rows(_ ids: ClosedRange<Int>) -> String { ids.map { row($0) }.joined() }

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func read(_ path: String, from start: FileStart, holding: Bool = true) throws
        -> (records: [SourceRecord<CallDetailRecord>], errors: [RecordError])
    {
        var reader = try CDRReader(path: path)
        reader.start = start
        reader.holdsIncompleteRecord = holding
        return reader.split()
    }

    @Test func readsOnFromTheOffsetWithLineNumbersOfTheWholeFile() throws {
        let file = try TemporaryFile(name: "Master.csv", text: Self.rows(1...3))
        let first = try read(file.path, from: .beginning)
        let after = try #require(first.records.last?.after)
        #expect(after == FileStart(offset: Int64(Self.rows(1...3).utf8.count), linesBefore: 3))

        try append(Self.rows(4...5), to: file.path)
        let second = try read(file.path, from: after)
        #expect(second.records.map(\.value.uniqueID) == ["4.1", "5.1"])
        #expect(second.records.map(\.line) == [4, 5])
        #expect(second.records.first?.byteOffset == after.offset)
        #expect(second.errors.isEmpty)
    }

    @Test func aRowStillBeingWrittenWaitsForTheNextRun() throws {
        let partial = String(Self.row(2).prefix(60))
        let file = try TemporaryFile(name: "Master.csv", text: Self.row(1) + partial)
        let first = try read(file.path, from: .beginning)
        #expect(first.records.map(\.value.uniqueID) == ["1.1"])
        #expect(first.errors.isEmpty)
        let after = try #require(first.records.last?.after)

        try append(String(Self.row(2).dropFirst(60)), to: file.path)
        let second = try read(file.path, from: after)
        #expect(second.records.map(\.value.uniqueID) == ["2.1"])
        #expect(second.errors.isEmpty)

        // Read as a finished file (not held), the partial row is a record of its own, as before.
        let finished = try TemporaryFile(name: "Master.csv", text: Self.row(1) + partial)
        #expect(try read(finished.path, from: .beginning, holding: false).errors.count == 1)
    }

    @Test func aQuotedFieldOpenAtTheEndIsARecordStillBeingWritten() throws {
        // The caller's name holds a line break; the PBX has written the row up to it.
        let multiLine = Self.row(2).replacingOccurrences(of: "<0401234567>", with: "Rivi\nkaksi <0401234567>")
        let cut = multiLine.firstRange(of: "kaksi")!.lowerBound
        let file = try TemporaryFile(name: "Master.csv", text: Self.row(1) + String(multiLine[..<cut]))
        let first = try read(file.path, from: .beginning)
        #expect(first.records.map(\.value.uniqueID) == ["1.1"])
        #expect(first.errors.isEmpty)

        try append(String(multiLine[cut...]), to: file.path)
        let second = try read(file.path, from: try #require(first.records.last?.after))
        #expect(second.records.map(\.value.uniqueID) == ["2.1"])
        #expect(second.records.first?.value.callerName == "Rivi\nkaksi")
        #expect(second.records.first?.after.linesBefore == 3)
    }

    @Test func helpdeskLinesReadOnFromTheOffsetAndHoldAnUnfinishedLine() throws {
        let ticket = { (id: Int) in
            #"{"id": \#(id), "subject": "Lasku", "comments": [{"author": {"email": "a@example.fi", "role": "end-user"}, "body": "Hei \#(id)"}]}"#
        }
        let file = try TemporaryFile(name: "tickets.jsonl", text: ticket(1) + "\n" + ticket(2))
        var reader = try HelpdeskExportReader(path: file.path)
        reader.holdsIncompleteRecord = true
        let first = reader.split()
        #expect(first.records.map(\.value.id) == ["1"])
        #expect(first.errors.isEmpty)

        try append("\n" + ticket(3) + "\n", to: file.path)
        var next = try HelpdeskExportReader(path: file.path)
        next.start = try #require(first.records.last?.after)
        next.holdsIncompleteRecord = true
        let second = next.split()
        #expect(second.records.map(\.value.id) == ["2", "3"])
        #expect(second.records.map(\.line) == [2, 3])
    }

    // MARK: - What became of the file

    func position(of path: String, after next: FileStart) throws -> AppendOnlyPosition {
        let file = try ReadOnlyFile(path: path)
        let identity = try file.identity().get().identity
        return try AppendOnlyPosition.after(next, in: file, identity: identity).get()
    }

    @Test func aGrownFileContinuesAtTheSavedOffset() throws {
        let file = try TemporaryFile(name: "Master.csv", text: Self.rows(1...2))
        let saved = try position(of: file.path, after: FileStart(offset: Int64(Self.rows(1...2).utf8.count), linesBefore: 2))
        try append(Self.rows(3...3), to: file.path)
        let plan = try AppendOnlyTail.plan(path: file.path, saved: saved)
        #expect(plan.segments.map(\.start) == [saved.next])
        #expect(plan.notes.isEmpty)
        // The state survives its JSON form.
        let json = try JSONEncoder().encode(saved)
        #expect(try JSONDecoder().decode(AppendOnlyPosition.self, from: json) == saved)
    }

    @Test func aTruncatedOrRewrittenFileIsReadFromItsStart() throws {
        let file = try TemporaryFile(name: "Master.csv", text: Self.rows(1...3))
        let end = FileStart(offset: Int64(Self.rows(1...3).utf8.count), linesBefore: 3)
        let saved = try position(of: file.path, after: end)

        // Truncated in place (copytruncate) and written again: shorter than the offset.
        let handle = try #require(FileHandle(forWritingAtPath: file.path))
        try handle.truncate(atOffset: 0)
        try handle.close()
        try append(Self.rows(4...4), to: file.path)
        var plan = try AppendOnlyTail.plan(path: file.path, saved: saved)
        #expect(plan.segments.map(\.start) == [.beginning])
        #expect(plan.notes.count == 1)

        // Rewritten in place with other bytes, longer than before: the same inode, other content.
        try append(Self.rows(5...9), to: file.path)
        plan = try AppendOnlyTail.plan(path: file.path, saved: saved)
        #expect(try ReadOnlyFile(path: file.path).identity().get().identity == saved.file)
        #expect(plan.segments.map(\.start) == [.beginning])
    }

    @Test func aRotatedFileIsFinishedUnderItsNewNameBeforeTheNewFile() throws {
        let folder = try TemporaryFile(name: "Master.csv", text: Self.rows(1...2))
        let path = folder.path
        let saved = try position(of: path, after: FileStart(offset: Int64(Self.rows(1...2).utf8.count), linesBefore: 2))
        try append(Self.rows(3...4), to: path)
        let rotated = folder.directory.appendingPathComponent("Master.csv-20261206").path
        try FileManager.default.moveItem(atPath: path, toPath: rotated)
        try Data(Self.rows(5...5).utf8).write(to: URL(fileURLWithPath: path))

        let plan = try AppendOnlyTail.plan(path: path, saved: saved)
        #expect(plan.segments.map(\.path) == [rotated, path])
        #expect(plan.segments.map(\.start) == [saved.next, .beginning])
        #expect(plan.segments.map(\.isLive) == [false, true])

        var old = try CDRReader(file: plan.segments[0].file)
        old.start = plan.segments[0].start
        #expect(old.split().records.map(\.value.uniqueID) == ["3.1", "4.1"])
    }

    @Test func aRotatedFileThatIsGoneIsNoted() throws {
        let folder = try TemporaryFile(name: "Master.csv", text: Self.rows(1...2))
        let saved = try position(of: folder.path, after: FileStart(offset: 10, linesBefore: 0))
        // The new file is made while the old one exists, so it cannot get the old one's inode.
        let next = folder.directory.appendingPathComponent("next.csv").path
        try Data(Self.rows(3...3).utf8).write(to: URL(fileURLWithPath: next))
        try FileManager.default.removeItem(atPath: folder.path)
        try FileManager.default.moveItem(atPath: next, toPath: folder.path)
        let plan = try AppendOnlyTail.plan(path: folder.path, saved: saved)
        #expect(plan.segments.map(\.start) == [.beginning])
        #expect(plan.notes.first?.contains("no longer in its folder") == true)
    }
}

extension AppendOnlyTailTests {
    /// A new Master.csv whose first row the PBX is still writing is not refused as "not a CDR".
    @Test func aFirstRowStillBeingWrittenIsNotJudged() throws {
        let file = try TemporaryFile(name: "Master.csv", text: "\"\"")
        var reader = try CDRReader(path: file.path)
        reader.holdsIncompleteRecord = true
        #expect(reader.split().records.isEmpty)
        #expect(reader.split().errors.isEmpty)
    }
}
