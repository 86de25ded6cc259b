import Foundation
import Testing

@testable import MIME

@Suite("Mail source readers")
struct MailboxTests {
    // MARK: Maildir

    @Test("Maildir fixture: cur and new merged by name, tmp never read")
    func maildirFixture() throws {
        let root = try fixturePath("mailbox/Maildir")
        let items = Array(MailboxReader(MailSource(format: .maildir, path: root)))
        let messages = items.compactMap(\.message)
        #expect(messages.count == 3)
        #expect(messages.map { ($0.location.path as NSString).lastPathComponent } == [
            "1736150400.M1P100.arkisto:2,S", "1736200000.M2P100.arkisto", "1736236800.M3P100.arkisto:2,RS",
        ])
        #expect(messages.allSatisfy { $0.location.offset == nil && $0.envelope == nil })
        #expect(messages.allSatisfy { !$0.text.contains("Kesken (tmp)") })
        let first = try Data(contentsOf: URL(fileURLWithPath: messages[0].location.path))
        #expect(messages[0].bytes == [UInt8](first))
    }

    @Test("Maildir: dot files skipped, tmp ignored, a dangling link is unreadable and reading goes on")
    func maildirDotFilesAndUnreadable() throws {
        let directory = try TemporaryDirectory()
        let maildir = directory.path("Maildir")
        try directory.write("Maildir/cur/2.M2.host:2,S", "Subject: two\n\nb\n")
        try directory.write("Maildir/cur/.2.M9.host:2,S", "Subject: hidden\n\nx\n")
        try directory.write("Maildir/new/1.M1.host", "Subject: one\n\na\n")
        try directory.write("Maildir/new/3.M3.host", "Subject: three\n\nc\n")
        try directory.write("Maildir/tmp/0.M0.host", "Subject: in delivery\n\n")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path("Maildir/cur/25.M25.host:2,S"), withDestinationPath: directory.path("nowhere"))

        let items = Array(MailboxReader(MailSource(format: .maildir, path: maildir)))
        #expect(items.count == 4)
        #expect(items.compactMap(\.message).map(\.text) == [
            "Subject: one\n\na\n", "Subject: two\n\nb\n", "Subject: three\n\nc\n",
        ])
        let unreadable = items.compactMap(\.problem)
        #expect(unreadable.count == 1)
        #expect(unreadable.first?.location.path == directory.path("Maildir/cur/25.M25.host:2,S"))
        #expect(unreadable.first?.reason == "no such file or directory")
    }

    @Test("A message file over the size limit is reported, not loaded")
    func maildirSizeLimit() throws {
        let directory = try TemporaryDirectory()
        try directory.write("Maildir/cur/1.M1.host:2,S", "Subject: small\n\nok\n")
        try directory.write("Maildir/cur/2.M2.host:2,S", "Subject: big\n\n" + String(repeating: "x", count: 200) + "\n")
        let items = Array(MailboxReader(MailSource(format: .maildir, path: directory.path("Maildir")), maxMessageBytes: 100))
        #expect(items.compactMap(\.message).count == 1)
        #expect(items.compactMap(\.problem).map(\.reason) == ["message of 215 bytes exceeds the limit of 100 bytes"])
    }

    // MARK: mbox

    @Test("mboxrd fixture: messages, offsets, envelopes and exact bytes")
    func mboxrdFixture() throws {
        let path = try fixturePath("mailbox/archive.mboxrd")
        let messages = Array(MailboxReader(MailSource(format: .mbox, path: path))).compactMap(\.message)
        #expect(messages.map(\.location) == [
            MIME.SourceLocation(path: path, offset: 0), MIME.SourceLocation(path: path, offset: 350),
            MIME.SourceLocation(path: path, offset: 569),
        ])
        #expect(messages.map(\.location.description) == ["\(path):0", "\(path):350", "\(path):569"])
        #expect(messages.map(\.envelope) == [
            "matti.virtanen@example.fi Mon Jan  6 09:15:00 2025",
            "asiakaspalvelu@esimerkkiverkko.fi Mon Jan  6 12:00:00 2025",
            "anna@example.com Tue Jan  7 08:00:00 2025",
        ])
        #expect(messages.count == 3)
        guard messages.count == 3 else { return }
        // Escaped lines lose one ">"; a "From " line inside a paragraph does not start a message.
        #expect(messages[0].text.hasSuffix(
            "Hei,\n\nFrom the invoice I see roaming charges.\n>From a quoted line\n>>From deeper\n"
                + "From inside a paragraph, not after a blank line\n\nMatti\n"))
        // Only the separator is removed: the message's own empty lines stay.
        #expect(messages[1].text.hasSuffix("Hyvitys tehty.\n\n\n"))
        #expect(messages[2].text.hasSuffix("Ei rivinvaihtoa lopussa\n"))
    }

    @Test("mboxrd round trip: escaping by a writer, then reading, gives the original bytes", arguments: [
        "Subject: a\n\nFrom here\n>From there\n>>From further\n>>>From deepest\n> From no escape\n",
        "Subject: b\n\nFrom\nFrom \n\nFrom the start of a paragraph\n",
        "Subject: c\n\n\n\n",
        "Subject: d\r\n\r\nCRLF body\r\nFrom crlf\r\n",
    ])
    func mboxrdRoundTrip(original: String) throws {
        let directory = try TemporaryDirectory()
        let originals = [original, "Subject: next\n\nseuraava\n"]
        let file = directory.path("roundtrip.mbox")
        var offsets: [Int] = []
        var mbox: [UInt8] = []
        for message in originals {
            offsets.append(mbox.count)
            mbox += Array("From sender@example.fi Mon Jan  6 09:15:00 2025\n".utf8) + mboxrdEscaped(Array(message.utf8))
            mbox += Array("\n".utf8)
        }
        try Data(mbox).write(to: URL(fileURLWithPath: file))

        let messages = Array(MailboxReader(MailSource(format: .mbox, path: file))).compactMap(\.message)
        #expect(messages.map(\.bytes) == originals.map { Array($0.utf8) })
        #expect(messages.map { $0.location.offset.map(Int.init) } == offsets)
    }

    @Test("mboxo: only >From loses its >, >>From stays")
    func mboxo() throws {
        let path = try fixturePath("mailbox/archive-mboxo.mbox")
        let items = Array(MailboxReader(MailSource(format: .mbox, path: path), mboxFlavour: .mboxo))
        let messages = items.compactMap(\.message)
        #expect(messages.map(\.text) == [
            "Subject: mboxo\n\nFrom escaped by the writer\n>>From left alone\nend\n",
            "Subject: toinen\n\nrivi\n",
        ])
        #expect(messages.map(\.location.offset) == [0, 110])
        // Read as mboxrd, the same file un-escapes ">>From" too.
        let asRd = Array(MailboxReader(MailSource(format: .mbox, path: path))).compactMap(\.message)
        #expect(asRd.first?.text.contains("\n>From left alone\n") == true)
    }

    @Test("CRLF mbox: CRLF kept in messages, the CRLF separator removed")
    func crlfMbox() throws {
        let path = try fixturePath("mailbox/crlf.mbox")
        let messages = Array(MailboxReader(MailSource(format: .mbox, path: path))).compactMap(\.message)
        #expect(messages.map(\.text) == [
            "Subject: CRLF 1\r\nFrom: a@example.fi\r\n\r\nrivi 1\r\nFrom quoted\r\n",
            "Subject: CRLF 2\r\n\r\nviimeinen\r\n",
        ])
        #expect(messages.map(\.location.offset) == [0, 107])
        #expect(messages.first?.envelope == "a@example.fi Thu Jan  9 10:00:00 2025")
    }

    @Test("mbox edge cases: empty file, missing final newline, garbage before the first From line")
    func mboxEdgeCases() throws {
        let directory = try TemporaryDirectory()
        try directory.write("empty.mbox", "")
        #expect(Array(MailboxReader(MailSource(format: .mbox, path: directory.path("empty.mbox")))).isEmpty)

        try directory.write("nonewline.mbox", "From a Mon Jan  6 09:15:00 2025\nSubject: x\n\nno newline")
        let unterminated = Array(MailboxReader(MailSource(format: .mbox, path: directory.path("nonewline.mbox"))))
        #expect(unterminated.compactMap(\.message).map(\.text) == ["Subject: x\n\nno newline"])

        try directory.write("blank-start.mbox", "\n\nFrom a Mon Jan  6 09:15:00 2025\nSubject: x\n\nbody\n")
        let blankStart = Array(MailboxReader(MailSource(format: .mbox, path: directory.path("blank-start.mbox"))))
        #expect(blankStart.count == 1)
        #expect(blankStart.first?.message?.location.offset == 2)

        let garbage = "Subject: lost\nsome text\n"
        try directory.write("garbage.mbox", garbage + "From a Mon Jan  6 09:15:00 2025\nSubject: x\n\nbody\n")
        let items = Array(MailboxReader(MailSource(format: .mbox, path: directory.path("garbage.mbox"))))
        #expect(items.count == 2)
        #expect(items.first?.problem?.location == MIME.SourceLocation(path: directory.path("garbage.mbox"), offset: 0))
        #expect(items.first?.problem?.reason.contains("\(garbage.utf8.count) bytes") == true)
        #expect(items.last?.message?.location.offset == Int64(garbage.utf8.count))
        #expect(items.last?.message?.text == "Subject: x\n\nbody\n")
    }

    @Test("mbox: a message over the limit is reported with its offset and skipped, the next one is read")
    func mboxSizeLimit() throws {
        let directory = try TemporaryDirectory()
        let big = "Subject: big\n\n" + String(repeating: "0123456789\n", count: 50)
        try directory.write("a.mbox", "From a x\n" + big + "\nFrom b y\nSubject: small\n\nok\n")
        let items = Array(MailboxReader(MailSource(format: .mbox, path: directory.path("a.mbox")), maxMessageBytes: 100))
        #expect(items.count == 2)
        #expect(items.first?.problem?.location.offset == 0)
        #expect(items.first?.problem?.reason == "message of \(big.utf8.count) bytes exceeds the limit of 100 bytes")
        #expect(items.last?.message?.text == "Subject: small\n\nok\n")
    }

    @Test("mbox read in tiny chunks, with long lines in fragments, gives the same messages")
    func mboxChunkBoundaries() throws {
        let directory = try TemporaryDirectory()
        let longLine = String(repeating: "pitkä rivi ", count: 40)
        try directory.write("long.mbox", "From " + String(repeating: "x", count: 150) + " Mon Jan  6 09:15:00 2025\n"
            + "Subject: pitkä\n\n" + longLine + "\n>From " + longLine + "\n\nFrom b y\nSubject: b\n\n" + longLine)
        let files = [
            try fixturePath("mailbox/archive.mboxrd"), try fixturePath("mailbox/crlf.mbox"), directory.path("long.mbox"),
        ]
        for file in files {
            let expected = Array(MailboxReader(MailSource(format: .mbox, path: file))).compactMap(\.message)
            #expect(!expected.isEmpty)
            for (chunk, fragment) in [(1, 64), (3, 64), (5, 1000), (64, 64), (7, 100)] {
                var reader = MboxReader(
                    path: file, flavour: .mboxrd, maxMessageBytes: 1 << 20, chunkBytes: chunk, maxFragmentBytes: fragment)
                var items: [MailboxItem] = []
                while let item = reader.next() { items.append(item) }
                let messages = items.compactMap(\.message)
                #expect(messages.count == items.count)
                #expect(messages.map(\.bytes) == expected.map(\.bytes), "chunk \(chunk), fragment \(fragment)")
                #expect(messages.map(\.location) == expected.map(\.location))
                #expect(messages.map(\.envelope) == expected.map(\.envelope))
            }
        }
        let long = Array(MailboxReader(MailSource(format: .mbox, path: directory.path("long.mbox")))).compactMap(\.message)
        #expect(long.map(\.text) == ["Subject: pitkä\n\n" + longLine + "\nFrom " + longLine + "\n", "Subject: b\n\n" + longLine])
    }

    @Test("A missing mbox file is one unreadable item")
    func missingMbox() {
        let items = Array(MailboxReader(MailSource(format: .mbox, path: "/nonexistent/arkisto.mbox")))
        #expect(items.count == 1)
        #expect(items.first?.problem?.reason == "no such file or directory")
    }

    // MARK: .eml and discovery

    @Test("discover() on a mixed tree: Maildir with Maildir++ folders, mbox files, .eml directories")
    func discoverMixedTree() throws {
        let directory = try TemporaryDirectory()
        try directory.write("mail/Maildir/cur/1.M1.host:2,S", "Subject: a\n\n")
        try directory.write("mail/Maildir/tmp/x", "")
        try directory.write("mail/Maildir/.Lähetetyt/cur/2.M2.host:2,S", "Subject: sent\n\n")
        try directory.write("mail/Maildir/.Lähetetyt/maildirfolder", "")
        try directory.write("mail/Maildir/.Trash/new/3.M3.host", "Subject: trash\n\n")
        try directory.write("mail/Maildir/.notafolder/readme", "x")
        try directory.write("mail/Maildir/dovecot-uidlist", "3 V1 N4\n")
        try directory.write("mail/archive.mbox", "From a x\nSubject: m\n\n")
        try directory.write("mail/old/2019", "From b y\nSubject: n\n\n")
        try directory.write("mail/old/notes.txt", "not mail")
        try directory.write("mail/eml/b.eml", "Subject: b\n\n")
        try directory.write("mail/eml/A.EML", "Subject: A\n\n")
        try directory.write("mail/eml/sub/c.eml", "Subject: c\n\n")
        try directory.write("mail/.hidden/d.eml", "Subject: d\n\n")

        let sources = try MailSource.discover(directory.path("mail"))
        #expect(sources == [
            MailSource(format: .maildir, path: directory.path("mail/Maildir")),
            MailSource(format: .maildir, path: directory.path("mail/Maildir/.Lähetetyt")),
            MailSource(format: .maildir, path: directory.path("mail/Maildir/.Trash")),
            MailSource(format: .mbox, path: directory.path("mail/archive.mbox")),
            MailSource(format: .eml, path: directory.path("mail/eml")),
            MailSource(format: .eml, path: directory.path("mail/eml/sub")),
            MailSource(format: .mbox, path: directory.path("mail/old/2019")),
        ])
        let emlSubjects = Array(MailboxReader(MailSource(format: .eml, path: directory.path("mail/eml"))))
            .compactMap(\.message).map(\.text)
        #expect(emlSubjects == ["Subject: A\n\n", "Subject: b\n\n"])
        // Every message of the tree is read once.
        let total = sources.reduce(0) { $0 + Array(MailboxReader($1)).compactMap(\.message).count }
        #expect(total == 8)
    }

    @Test("discover() on a Maildir, a single mbox file and a single message file of any name")
    func discoverSingleSources() throws {
        let directory = try TemporaryDirectory()
        try directory.write("Maildir/new/1.M1.host", "Subject: a\n\n")
        try directory.write("archive", "From a x\nSubject: m\n\n")
        try directory.write("viesti.txt", "Subject: single\n\nbody\n")
        #expect(try MailSource.discover(directory.path("Maildir")) == [MailSource(format: .maildir, path: directory.path("Maildir"))])
        #expect(try MailSource.discover(directory.path("archive")) == [MailSource(format: .mbox, path: directory.path("archive"))])
        let single = try MailSource.discover(directory.path("viesti.txt"))
        #expect(single == [MailSource(format: .eml, path: directory.path("viesti.txt"))])
        let items = Array(MailboxReader(single[0]))
        #expect(items.compactMap(\.message).map(\.text) == ["Subject: single\n\nbody\n"])
        #expect(items.first?.location == MIME.SourceLocation(path: directory.path("viesti.txt")))
    }

    @Test("discover() errors name the path and the reason")
    func discoverErrors() throws {
        #expect(throws: MailSourceError(path: "/nonexistent/mail", reason: "no such file or directory")) {
            try MailSource.discover("/nonexistent/mail")
        }
        let directory = try TemporaryDirectory()
        try directory.write("empty/readme.txt", "nothing here")
        do {
            _ = try MailSource.discover(directory.path("empty"))
            Issue.record("expected an error")
        } catch {
            #expect(error.path == directory.path("empty"))
            #expect(error.reason.hasPrefix("not a mail source"))
            #expect(error.description == "\(directory.path("empty")): \(error.reason)")
        }
    }

    // MARK: Helpers

    private func fixturePath(_ relative: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + relative, withExtension: nil))
        return url.path
    }

    /// What an mboxrd writer does: one more ">" on lines matching `^>*From `, a final newline.
    private func mboxrdEscaped(_ message: [UInt8]) -> [UInt8] {
        var lines = message.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for index in lines.indices where lines[index].drop(while: { $0 == UInt8(ascii: ">") }).starts(with: "From ".utf8) {
            lines[index].insert(UInt8(ascii: ">"), at: 0)
        }
        var escaped = Array(lines.joined(separator: [0x0A]))
        if escaped.last != 0x0A { escaped.append(0x0A) }
        return escaped
    }
}

/// A directory under the system's temporary directory, removed when the value goes away.
private final class TemporaryDirectory {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "arkisto-mailbox-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
}

extension MailboxItem {
    fileprivate var message: RawMessage? {
        if case .message(let message) = self { message } else { nil }
    }

    fileprivate var problem: (location: MIME.SourceLocation, reason: String)? {
        switch self {
        case .message: nil
        case .unreadable(let location, let reason): (location, reason)
        case .oversized(let location, let size, let limit): (location, MailboxItem.oversizedReason(size: size, limit: limit))
        }
    }
}

extension RawMessage {
    fileprivate var text: String { String(decoding: bytes, as: UTF8.self) }
}
