import Foundation
import Testing

@testable import Formats

@Suite("Helpdesk exports")
struct HelpdeskExportReaderTests {
    private func readFixture() throws -> (records: [SourceRecord<HelpdeskTicket>], errors: [RecordError]) {
        try HelpdeskExportReader(path: Fixture.path("helpdesk/tickets.jsonl")).split()
    }

    @Test func readsEveryGoodLineAndReportsTheBadOnesWithTheirLines() throws {
        let (records, errors) = try readFixture()
        #expect(records.map(\.value.id) == ["200101", "200102", "200104", "200107"])
        #expect(records.map(\.line) == [1, 2, 4, 8])
        #expect(errors.map(\.line) == [3, 6, 7])
        #expect(errors[0].reason.hasPrefix("invalid JSON at column"))
        #expect(errors[1].reason == "missing id")
        #expect(errors[2].reason.contains("created_at: not an ISO 8601 time: '4.2.2025 12.00'"))
        #expect(errors[1].description.hasSuffix("tickets.jsonl:6: missing id"))
        #expect(String(decoding: errors[1].raw, as: UTF8.self).hasPrefix("{\"created_at\": \"2025-02-04"))
    }

    @Test func rawBytesAndOffsetsPointAtTheLine() throws {
        let path = try Fixture.path("helpdesk/tickets.jsonl")
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        let (records, errors) = try readFixture()
        for record in records {
            let start = Int(record.byteOffset)
            #expect(Array(file[start..<start + record.raw.count]) == record.raw)
            #expect(record.raw.last != UInt8(ascii: "\n"))
        }
        let broken = try #require(errors.first)
        #expect(Array(file[Int(broken.byteOffset)..<Int(broken.byteOffset) + broken.raw.count]) == broken.raw)
    }

    @Test func readsAPlainTicketWithItsComments() throws {
        let ticket = try #require(readFixture().records.first?.value)
        #expect(ticket.createdAt == Date(utc: 1_736_838_720))
        #expect(ticket.status == "solved")
        #expect(ticket.priority == "normal")
        #expect(ticket.subject == "Lasku on liian suuri")
        #expect(ticket.requester == HelpdeskPerson(name: "Aino Mäkelä", email: "aino.makela@posti.example", phone: "040 123 4567"))
        #expect(ticket.tags == ["lasku", "reklamaatio"])
        #expect(ticket.channel == "email")
        #expect(ticket.comments.map(\.number) == [1, 2])
        let question = ticket.comments[0]
        #expect(question.role == .endUser)
        #expect(question.isPublic)
        #expect(!question.bodyIsHTML)
        #expect(question.body.hasPrefix("Hei,\njoulukuun puhelinlaskussa"))
        #expect(question.attachments == [HelpdeskAttachment(fileName: "lasku-12-2024.pdf", contentType: "application/pdf", size: 48213)])
        let answer = ticket.comments[1]
        #expect(answer.role == .agent)
        #expect(answer.bodyIsHTML)
        #expect(answer.body.hasPrefix("<p>Hei Aino,</p>"))
        #expect(answer.author.email == "support@esimerkkiverkko.example")
    }

    @Test func toleratesNullsStringsForNumbersAndHTMLBody() throws {
        let ticket = try #require(readFixture().records.dropFirst().first?.value)
        #expect(ticket.id == "200102")
        #expect(ticket.updatedAt == nil)
        #expect(ticket.priority == nil)
        #expect(ticket.subject == "Numeron siirto")
        #expect(ticket.requester == nil)
        #expect(ticket.tags.isEmpty)
        #expect(ticket.channel == "web")
        let first = ticket.comments[0]
        #expect(first.isPublic)
        #expect(first.author == HelpdeskPerson(name: "Kalle Virtanen"))
        #expect(first.bodyIsHTML)
        #expect(first.body == "<div class=\"zd-comment\"><p>Numero ei ole siirtynyt.</p></div>")
        #expect(first.attachments.isEmpty)
        let note = ticket.comments[1]
        #expect(!note.isPublic)
        #expect(note.createdAt == Date(utc: 1_748_853_000.25))
        #expect(!note.bodyIsHTML, "an address in angle brackets and an ampersand are not markup")
        #expect(note.attachments == [HelpdeskAttachment(fileName: "siirto.txt", contentType: "text/plain", size: 311)])
    }

    @Test func escapesTagStringsWrappersAndEpochTimes() throws {
        let records = try readFixture().records
        let cancellation = records[2].value
        #expect(cancellation.tags == ["irtisanominen", "muutto"])
        #expect(cancellation.comments[0].role == .other(""))
        #expect(cancellation.comments[0].body.hasSuffix("Älä lähetä enää laskuja 🙏"))
        #expect(cancellation.createdAt == ISO8601Timestamp.parse("2025-02-03T10:00:00Z"))
        let wrapped = records[3].value
        #expect(wrapped.id == "200107")
        #expect(wrapped.createdAt == Date(utc: 1_743_375_600))
        #expect(wrapped.comments[0].role == .other("admin"))
        #expect(wrapped.comments[0].createdAt == Date(utc: 1_743_382_800))
        #expect(!wrapped.comments[0].bodyIsHTML)
    }

    @Test func rejectsFilesThatAreNotJSONLines() throws {
        let array = try TemporaryFile(name: "tickets.json", text: "[{\"id\": 1}]\n")
        #expect(throws: FormatFileError.self) { try HelpdeskExportReader(path: array.path) }
        let csv = try TemporaryFile(name: "tickets.csv", text: "id,subject\n1,x\n")
        #expect(throws: FormatFileError.self) { try HelpdeskExportReader(path: csv.path) }
        do {
            _ = try HelpdeskExportReader(path: "/nonexistent/tickets.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/tickets.jsonl: no such file or directory")
        }
        let empty = try TemporaryFile(name: "empty.jsonl", text: "")
        #expect(try HelpdeskExportReader(path: empty.path).split().records.isEmpty)
    }

    @Test func readsLinesAcrossBufferBoundariesAndWithoutAFinalNewline() throws {
        var text = ""
        for number in 1...3000 {
            text += "{\"id\": \(number), \"subject\": \"\(String(repeating: "x", count: number % 700))\", \"comments\": []}\r\n"
        }
        text += "{\"id\": \"last\"}"
        let file = try TemporaryFile(name: "many.jsonl", text: text)
        let (records, errors) = try HelpdeskExportReader(path: file.path).split()
        #expect(errors.isEmpty)
        #expect(records.count == 3001)
        #expect(records[1234].value.id == "1235")
        #expect(records[1234].line == 1235)
        #expect(records[1234].value.subject.count == 1235 % 700)
        #expect(records.last?.value.id == "last")
    }

    @Test(arguments: [
        ("<p>Hei</p>", true), ("Rivi<br>toinen", true), ("<BR/>", true), ("<div class=\"x\">a</div>", true),
        ("<!DOCTYPE html><html>", true), ("a <!-- kommentti --> b", true), ("</span>", true),
        ("1 < 2 ja 3 > 2", false), ("<matti@example.fi>", false), ("<3", false), ("AT&amp;T", false),
        ("<vastaus>", false), ("", false),
    ])
    func detectsHTMLByMarkup(text: String, isHTML: Bool) {
        #expect(HTMLDetector.containsMarkup(text) == isHTML)
    }
}
