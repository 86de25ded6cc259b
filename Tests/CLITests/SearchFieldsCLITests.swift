import Foundation
import Testing

/// `arkisto search` on imported mail where "Asiakaspalvelu" is the display name of the service's
/// address in some messages and a word of the text in others (issue 16): the text matches come
/// first, and `body:` / `subject:` / `to:` say where the word must stand.
@Suite struct SearchFieldsCLITests {
    let arkisto: ArkistoProcess

    init() throws {
        arkisto = try ArkistoProcess()
    }

    static let filler = String(repeating: "Liittymä toimii taas normaalisti ja kaikki on kunnossa. ", count: 30)

    static func message(id: String, from: String, to: String, subject: String, body: String) -> String {
        """
        From: \(from)
        To: \(to)
        Subject: \(subject)
        Date: Mon, 3 Mar 2025 09:15:00 +0200
        Message-ID: <\(id)>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        \(body)

        """
    }

    static let messages = [
        "nimi": message(
            id: "nimi@koti.example", from: "Maija Meikäläinen <maija@koti.example>",
            to: "Asiakaspalvelu <support@operaattori.example>", subject: "Kysymys", body: "Miten vaihdan liittymän?"),
        "runko": message(
            id: "runko@posti.example", from: "Eero Esimerkki <eero@posti.example>",
            to: "Laskutus <laskutus@operaattori.example>", subject: "Palaute",
            body: filler + "Kiitos nopeasta asiakaspalvelusta."),
        "otsikko": message(
            id: "otsikko@posti.example", from: "Matti Virtanen <matti@posti.example>",
            to: "Asiakaspalvelu <support@operaattori.example>", subject: "Palautetta asiakaspalvelusta", body: filler),
    ]

    func archive(in folder: borrowing ScratchFolder) throws -> String {
        let mail = folder.url.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: mail, withIntermediateDirectories: true)
        for (name, text) in Self.messages {
            try Data(text.utf8).write(to: mail.appendingPathComponent("\(name).eml"))
        }
        let archive = folder.path("archive.sqlite")
        let result = try arkisto.run(["import", "mail", "--quiet", mail.path, "--archive", archive], in: folder.url)
        try #require(result.status == 0, "import failed: \(result.standardError)")
        return archive
    }

    /// The Message-IDs `arkisto search --json QUERY` prints, in order, and its total.
    func search(_ query: String, archive: String, in folder: borrowing ScratchFolder) throws -> (refs: [String], total: Int) {
        let result = try arkisto.run(["search", "--json", "--archive", archive, "--", query], in: folder.url)
        try #require(result.status == 0, "\(query): \(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        return (results.compactMap { $0["source_ref"] as? String }, try #require(object["total"] as? Int))
    }

    @Test func aNameOnlyMatchComesLastAndFieldsSayWhereAWordStands() throws {
        let folder = try ScratchFolder()
        let archive = try archive(in: folder)
        let all = try search("asiakaspalvelusta", archive: archive, in: folder)
        #expect(all.total == 3)
        #expect(Set(all.refs.prefix(2)) == ["runko@posti.example", "otsikko@posti.example"])
        #expect(all.refs.last == "nimi@koti.example")
        #expect(try search("body:asiakaspalvelusta", archive: archive, in: folder) == (["runko@posti.example"], 1))
        #expect(try search("body:\"nopeasta asiakaspalvelusta\"", archive: archive, in: folder) == (["runko@posti.example"], 1))
        #expect(try search("subject:asiakaspalvelusta", archive: archive, in: folder) == (["otsikko@posti.example"], 1))
        let to = try search("to:asiakaspalvelu", archive: archive, in: folder)
        #expect(Set(to.refs) == ["nimi@koti.example", "otsikko@posti.example"])
        #expect(try search("to:asiakaspalvelu -subject:palaute", archive: archive, in: folder).refs == ["nimi@koti.example"])
    }

    @Test func theHelpTellsTheFields() throws {
        let folder = try ScratchFolder()
        let help = try arkisto.run(["search", "--help"], in: folder.url)
        #expect(help.status == 0)
        for field in ["subject:", "body:", "from:", "to:"] {
            #expect(help.standardOutput.contains(field), "\(field)")
        }
    }
}
