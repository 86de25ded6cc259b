import Archive
import FinnishText
import Foundation
import Query

/// A small archive of real-looking customer-service traffic for the privacy tests: three
/// customers (two share a household address), their e-mail, a helpdesk ticket and a call with a
/// recording on disk. Mentions are given as the importers would extract them.
struct PrivacyFixture {
    let folder: URL
    let store: ArchiveStore
    /// Test stand-in for the keyed hash of personal identity codes.
    static let hasher: PersonalIDHasher = { code in "hash:" + code.value }

    static let maija = "C1"   // Maija Virtanen, maija.virtanen@koti.fi, 040 123 4567, AS-1111111, 131052-308T
    static let pekka = "C2"   // Pekka Virtanen, shares koti@virtanen.fi with Maija, AS-2222222
    static let outi = "C3"    // Outi Laine, outi.laine@posti.fi, 050 765 4321, AS-3333333

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arkisto-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ArchiveStore(path: folder.appendingPathComponent("archive.sqlite").path)
        try store.setOwnDomains(["operaattori.fi"])
        _ = try store.write(customers: [
            Self.customer(Self.maija, "Maija Virtanen", [
                (.email, "maija.virtanen@koti.fi"), (.email, "koti@virtanen.fi"), (.phone, "+358401234567"),
                (.customerNumber, "AS-1111111"), (.personalID, "hash:131052-308T"),
            ], consent: false),
            Self.customer(Self.pekka, "Pekka Virtanen", [
                (.email, "koti@virtanen.fi"), (.phone, "+358409998887"), (.customerNumber, "AS-2222222"),
                (.personalID, "hash:not-in-any-text"),
            ]),
            Self.customer(Self.outi, "Outi Laine", [
                (.email, "outi.laine@posti.fi"), (.phone, "+358507654321"), (.customerNumber, "AS-3333333"),
            ]),
        ])
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try store.write(try items(), run: run)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    var recordingPath: String { folder.appendingPathComponent("rec-1.wav").path }
    var recordingBytes: [UInt8] { Array("RIFF....WAVEfmt fake audio of Maija".utf8) }

    func id(_ sourceID: String) throws -> Int64 {
        guard let id = try store.customerIDs(sourceID: sourceID).first else { throw FixtureError.missing(sourceID) }
        return id
    }

    enum FixtureError: Error { case missing(String) }

    static func customer(_ id: String, _ name: String, _ identifiers: [(IdentifierKind, String)], consent: Bool? = nil) -> NewCustomer {
        NewCustomer(
            sourceID: id, kind: .person, name: name, address: "Kotikatu 1, 00100 HELSINKI", marketingConsent: consent,
            identifiers: identifiers.map { CustomerIdentifier(kind: $0.0, value: $0.1, written: $0.0 == .personalID ? nil : $0.1) },
            position: SourcePosition(path: "/customers.jsonl", offset: 1),
            recordDigest: ContentDigest(of: Array((id + name).utf8)))
    }

    static func mention(_ kind: IdentifierKind, _ value: String, _ location: String, _ strength: LinkStrength = .exact) -> IdentifierMention {
        IdentifierMention(kind: kind, value: value, location: location, strength: strength)
    }

    static let day = Date(timeIntervalSince1970: 1_735_000_000)

    static func email(
        _ ref: String, from: (String, String), to: (String, String), subject: String, body: String,
        mentions: [IdentifierMention], days: Double = 0, direction: Direction = .inbound, raw: String? = nil
    ) -> ImportItem {
        let bytes = Array((raw ?? "From: \(from.0) <\(from.1)>\nTo: \(to.0) <\(to.1)>\nSubject: \(subject)\nMessage-ID: <\(ref)>\n\n\(body)\n").utf8)
        return .archive(
            IncomingOriginal(bytes: bytes, position: SourcePosition(path: "/mail/\(ref)", offset: 0)),
            NewInteraction(
                kind: .email, sourceRef: ref, contentDigest: ContentDigest(of: bytes), occurredAt: day.addingTimeInterval(days * 86_400),
                direction: direction, subject: subject, body: body,
                participants: [Participant(role: .from, name: from.0, address: from.1), Participant(role: .to, name: to.0, address: to.1)],
                attachments: [], references: [], defects: [], mentions: mentions))
    }

    func items() throws -> [ImportItem] {
        try Data(recordingBytes).write(to: URL(fileURLWithPath: recordingPath))
        func m(_ kind: IdentifierKind, _ value: String, _ location: String, _ strength: LinkStrength = .exact) -> IdentifierMention {
            Self.mention(kind, value, location, strength)
        }
        let ticket = TicketInfo(
            id: "500", subject: "Laskusta", status: "open", priority: nil, channel: "web", tags: [],
            requesterName: "Maija Virtanen", requesterEmail: "maija.virtanen@koti.fi", requesterPhone: nil,
            createdAt: Self.day, updatedAt: Self.day)
        let ticketLine = Array(#"{"id": 500, "comments": ["Maija's comment", "agent reply", "Outi's comment"]}"#.utf8)
        func comment(_ number: Int, from: (String, String), role: String, body: String, mentions: [IdentifierMention]) -> NewInteraction {
            NewInteraction(
                kind: .ticket, sourceRef: "500#\(number)", contentDigest: ContentDigest(of: Array("500#\(number)\(body)".utf8)),
                occurredAt: Self.day.addingTimeInterval(Double(number) * 3600), direction: role == "agent" ? .outbound : .inbound,
                subject: "Laskusta", body: body, participants: [Participant(role: .from, name: from.0, address: from.1)],
                attachments: [], references: [], defects: [], mentions: mentions,
                details: .ticketComment(TicketComment(ticket: ticket, number: number, authorRole: role, isPublic: true)))
        }
        let call = NewInteraction(
            kind: .call, sourceRef: "1735000000.1", contentDigest: ContentDigest(of: Array("call-1".utf8)),
            occurredAt: Self.day, direction: .inbound, subject: "Saapuva puhelu Maija Virtanen 0401234567 (2:00)",
            body: "Asiakas: Hei, soitan laskusta.",
            participants: [Participant(role: .from, name: "Maija Virtanen", address: "+358401234567"),
                           Participant(role: .to, name: nil, address: "+358104005700")],
            attachments: [], references: [], defects: [], mentions: [m(.phone, "+358401234567", "caller")],
            details: .call(CallDetails(
                caller: "0401234567", callee: "0104005700", callerName: "Maija Virtanen", disposition: "ANSWERED",
                duration: 130, billableSeconds: 120,
                recording: LinkedFile(path: recordingPath, digest: ContentDigest(of: recordingBytes)), audioFormat: "PCM",
                sampleRate: 8000, channels: 1, audioSeconds: 0.2, transcript: nil)))
        return [
            // Maija alone, naming Outi and her details in the text (a neighbour's problem).
            Self.email("m1@koti.fi", from: ("Maija Virtanen", "maija.virtanen@koti.fi"), to: ("Asiakaspalvelu", "tuki@operaattori.fi"),
                       subject: "Laskuvirhe <script>alert(1)</script>",
                       body: "Hei,\nlaskussani on virhe. Naapurini Outi Laine (outi.laine@posti.fi, 050 765 4321, AS-3333333) "
                           + "sai saman laskun. Hänen henkilötunnuksensa 010101-123N näkyi laskulla, omani on 131052-308T.\n"
                           + "Zyxwvutsalasana ainutlaatuinen.\nMaija Virtanen\npuh. 040 123 4567",
                       mentions: [m(.email, "maija.virtanen@koti.fi", "from"), m(.email, "outi.laine@posti.fi", "body", .weak),
                                  m(.customerNumber, "AS-3333333", "body"), m(.personalID, "hash:131052-308T", "body")]),
            // The household address: concerns Maija and Pekka.
            Self.email("h1@virtanen.fi", from: ("Pekka Virtanen", "koti@virtanen.fi"), to: ("Asiakaspalvelu", "tuki@operaattori.fi"),
                       subject: "Yhteinen liittymä", body: "Meidän liittymä ei toimi. Pekka Virtanen, AS-2222222",
                       mentions: [m(.email, "koti@virtanen.fi", "from"), m(.customerNumber, "AS-2222222", "body")], days: 1),
            // Weak only: Maija's number in someone else's signature.
            Self.email("w1@posti.fi", from: ("Outi Laine", "outi.laine@posti.fi"), to: ("Asiakaspalvelu", "tuki@operaattori.fi"),
                       subject: "Kysymys", body: "Soittakaa minulle. Outi\nVaranumero 040 123 4567",
                       mentions: [m(.email, "outi.laine@posti.fi", "from"), m(.phone, "+358401234567", "signature", .weak)], days: 2),
            .archive(
                IncomingOriginal(bytes: ticketLine, position: SourcePosition(path: "/helpdesk/tickets.jsonl", offset: 0)),
                [
                    comment(1, from: ("Maija Virtanen", "maija.virtanen@koti.fi"), role: "end-user", body: "Laskuni on väärin, tunnussana Qwrtplkjhg.",
                            mentions: [m(.email, "maija.virtanen@koti.fi", "requester"), m(.email, "maija.virtanen@koti.fi", "author")]),
                    comment(2, from: ("Tuki", "tuki@operaattori.fi"), role: "agent", body: "Korjaamme laskun.",
                            mentions: [m(.email, "maija.virtanen@koti.fi", "requester")]),
                ]),
            .archive(IncomingOriginal(bytes: Array("cdr line 1".utf8), position: SourcePosition(path: "/cdr.csv", offset: 0)), call),
            // Outi alone: must never appear in Maija's report.
            Self.email("o1@posti.fi", from: ("Outi Laine", "outi.laine@posti.fi"), to: ("Asiakaspalvelu", "tuki@operaattori.fi"),
                       subject: "Outin oma asia", body: "Tämä koskee vain minua. Outi Laine",
                       mentions: [m(.email, "outi.laine@posti.fi", "from")], days: 3),
        ]
    }
}
