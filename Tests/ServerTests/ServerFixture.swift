import Archive
import ArkistoServer
import Foundation
import Ingest
import Query

/// A small archive made for one test through the importers (register, e-mail with an attachment
/// and a hostile message, a helpdesk ticket, a call with recording and transcript), and the users
/// of the web app: an agent, a privacy officer and an admin, each with a password and an API token.
struct ServerFixture: Sendable {
    let root: URL
    let users: UsersFile
    let tokens: [String: String]

    static let passwords = ["aino": "agentin-salasana", "olli": "tietosuoja-salasana", "ada": "yllapito-salasana"]

    var archivePath: String { root.appendingPathComponent("archive.sqlite").path }
    var usersPath: String { root.appendingPathComponent("users.json").path }
    var sessionsPath: String { archivePath + ".sessions" }
    /// The one import folder (`more/`): admins may import what tests put there.
    var configuration: ServerConfiguration {
        ServerConfiguration(archivePath: archivePath, usersPath: usersPath, importFolders: [path("more")])
    }

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        func write(_ relative: String, _ text: String) throws { try Self.write(root, relative, Array(text.utf8)) }
        func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
        try write("register/customers.jsonl", Self.customers)
        try write("mail/complaint.eml", Self.complaint)
        try write("mail/hostile.eml", Self.hostile)
        try write("mail/reply.eml", Self.reply)
        try write("mail/request.eml", Self.inspectionRequest)
        try write("mail/neighbour.eml", Self.neighbour)
        try write("helpdesk/tickets.jsonl", Self.tickets)
        try write("calls/Master.csv", Self.cdr)
        try Self.write(root, "calls/recordings/rec-1741503120.6.wav", Self.wav)
        try write("calls/transcripts/rec-1741503120.6.vtt", Self.transcript)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("more"), withIntermediateDirectories: true)

        let archivePath = path("archive.sqlite")
        let store = try ArchiveStore(path: archivePath)
        try store.setOwnDomains(["operaattori.example"])
        let key = try PersonalIDKey.loadOrCreate(at: archivePath + ".pidkey")
        _ = try CustomerImporter(archive: store, personalIDKey: key).run(paths: [path("register/customers.jsonl")])
        _ = try MailImporter(archive: store, personalIDKey: key).run(paths: [path("mail")])
        _ = try HelpdeskImporter(archive: store, personalIDKey: key).run(paths: [path("helpdesk/tickets.jsonl")])
        _ = try CallImporter(archive: store, personalIDKey: key).run(paths: [path("calls/Master.csv")])
        _ = try Classifier(archive: store).apply()

        var users = UsersFile()
        let roles: [(String, Role)] = [("aino", .agent), ("olli", .privacyOfficer), ("ada", .admin)]
        var tokens: [String: String] = [:]
        for (name, role) in roles {
            try users.setUser(name: name, role: role, passwordHash: PasswordHash.make(password: Self.passwords[name] ?? "", iterations: 1000))
            tokens[name] = try users.issueToken(for: name)
        }
        self.root = root
        self.users = users
        self.tokens = tokens
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Array(text.utf8))
    }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        try Self.write(root, relative, bytes)
    }

    static func write(_ root: URL, _ relative: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The server over the fixture's archive with its users given directly. `trustForwardedFor`
    /// lets a test speak from several client addresses (`X-Forwarded-For`).
    func application(trustForwardedFor: Bool = false) throws -> WebServer.App {
        var configuration = configuration
        configuration.trustForwardedFor = trustForwardedFor
        return try WebServer.application(configuration, users: users)
    }

    /// The server reading the users file at `usersPath` (written first from `users` when missing),
    /// so that a test can change users while it runs, as `arkisto users` does.
    func applicationWithUsersFile() throws -> WebServer.App {
        if !FileManager.default.fileExists(atPath: usersPath) { try users.save(path: usersPath) }
        return try WebServer.application(configuration)
    }

    func store() throws -> ArchiveStore { try ArchiveStore(path: archivePath) }

    // MARK: The sources

    static let customers = """
        {"id": "C1", "kind": "person", "name": "Aino Asiakas", "emails": ["aino.asiakas@koti.example"], "phones": ["040 111 2222"], "customer_number": "AS-1000001", "business_id": null, "personal_id": null, "address": "Kotikatu 1, 00100 HELSINKI", "marketing_consent": false}
        {"id": "C2", "kind": "person", "name": "Eero Esimerkki", "emails": ["eero@posti.example"], "phones": ["+358 50 7654321"], "customer_number": "AS-1000002", "business_id": null, "personal_id": null, "address": null, "marketing_consent": true}
        {"id": "C3", "kind": "person", "name": "Pirjo Poistettava", "emails": ["pirjo@posti.example"], "phones": [], "customer_number": "AS-1000003", "business_id": null, "personal_id": null, "address": null, "marketing_consent": null}

        """

    static let complaint = """
        From: Aino Asiakas <aino.asiakas@koti.example>
        To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        Subject: Reklamaatio puhelinlaskusta
        Date: Mon, 6 Jan 2025 09:15:00 +0200
        Message-ID: <reklamaatio-1@koti.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="raja"

        --raja
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Hei, teen reklamaation joulukuun puhelinlaskusta. Laskulla on roaming-maksuja,
        vaikka en ole ollut ulkomailla. Pyydän hyvitystä. Asiakasnumero AS-1000001.
        --raja
        Content-Type: application/pdf; name="lasku.pdf"
        Content-Disposition: attachment; filename="lasku.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDw+PgplbmRvYmoKdHJhaWxlcgo8PD4+CiUlRU9GCg==
        --raja--

        """

    /// Markup in every field an attacker controls: the subject, the plain text, the HTML part.
    static let hostile = """
        From: "<script>alert('from')</script>" <aino.asiakas@koti.example>
        To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        Subject: <script>alert('subject')</script> laskusta <img src=x onerror=alert(1)>
        Date: Tue, 7 Jan 2025 10:00:00 +0200
        Message-ID: <hostile-1@koti.example>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8

        Laskusta vielä: <script>alert('body')</script> <img src=x onerror=alert(2)>
        <a href="javascript:alert(3)">klikkaa tästä</a> "><svg onload=alert(4)>
        --alt
        Content-Type: text/html; charset=utf-8

        <html><body><p>Laskusta <a href="javascript:alert(5)">linkki</a><img src="https://tracker.example/x.png" onerror="alert(6)"><script>alert(7)</script></p><form action="https://evil.example"><input name="x"></form></body></html>
        --alt--

        """

    static let reply = """
        From: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        To: Aino Asiakas <aino.asiakas@koti.example>
        Subject: Re: Reklamaatio puhelinlaskusta
        Date: Mon, 6 Jan 2025 13:45:00 +0200
        Message-ID: <vastaus-1@operaattori.example>
        In-Reply-To: <reklamaatio-1@koti.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hei Aino, hyvitämme roaming-maksut seuraavalla laskulla.

        """

    static let inspectionRequest = """
        From: Eero Esimerkki <eero@posti.example>
        To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        Subject: Tarkastuspyyntö: henkilötietoni
        Date: Wed, 8 Jan 2025 11:00:00 +0200
        Message-ID: <tarkastus-1@posti.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hei, pyydän saada tarkastaa kaikki minusta tallennetut henkilötiedot (tarkastusoikeus, GDPR 15 artikla).

        """

    /// Mentions Aino's phone number in free text: a weak link, for review.
    static let neighbour = """
        From: Naapuri <naapuri@muu.example>
        To: Asiakaspalvelu <asiakaspalvelu@operaattori.example>
        Subject: Naapurin liittymä
        Date: Thu, 9 Jan 2025 12:00:00 +0200
        Message-ID: <naapuri-1@muu.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Naapurini liittymä ei toimi, hänen numeronsa on 040 111 2222.

        """

    static let tickets = """
        {"id": 500001, "created_at": "2025-01-14T09:12:00+02:00", "updated_at": "2025-01-14T15:40:00+02:00", "status": "solved", "priority": "normal", "subject": "Lasku on liian suuri", "requester": {"name": "Pirjo Poistettava", "email": "pirjo@posti.example", "phone": null}, "tags": ["laskutus"], "channel": "web", "comments": [{"author": {"name": "Pirjo Poistettava", "email": "pirjo@posti.example", "role": "end-user"}, "public": true, "created_at": "2025-01-14T09:12:00+02:00", "body": "Hei,\\njoulukuun laskussa on maksu, jota en tunnista.\\nPirjo", "attachments": []}, {"author": {"name": "Mikko Tuki", "email": "tuki@operaattori.example", "role": "agent"}, "public": true, "created_at": "2025-01-14T15:40:00+02:00", "body": "<p>Hei Pirjo,<br>maksu on poistettu.</p>", "attachments": []}]}

        """

    static let cdr = #"""
        "","0401112222","0104005700","from-external","""Aino Asiakas"" <0401112222>","SIP/trunk-1","SIP/222-1","Dial","SIP/200,30","2025-03-09 08:52:00","2025-03-09 08:52:18","2025-03-09 09:02:29","629","611","ANSWERED","DOCUMENTATION","1741503120.6","rec-1741503120.6.wav"

        """#

    static let transcript = """
        WEBVTT

        1
        00:00:00.000 --> 00:00:03.000
        <v Asiakaspalvelija>Operaattori, asiakaspalvelu, miten voin auttaa?

        2
        00:00:03.000 --> 00:00:07.000
        <v Asiakas>Netti ei toimi, yhteys katkeaa jatkuvasti.

        """

    /// A 16-bit mono 8 kHz PCM WAV of a quarter second of silence.
    static var wav: [UInt8] {
        let dataBytes = 4000
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        return Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
            + le32(8000) + le32(16000) + le16(2) + le16(16) + Array("data".utf8) + le32(dataBytes)
            + [UInt8](repeating: 0, count: dataBytes)
    }
}
