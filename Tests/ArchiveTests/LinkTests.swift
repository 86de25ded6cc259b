import Archive
import Foundation
import Testing

@Suite struct LinkTests {
    func customer(_ id: String, _ identifiers: [(IdentifierKind, String)]) -> NewCustomer {
        NewCustomer(
            sourceID: id, kind: .person, name: "Asiakas \(id)", address: nil, marketingConsent: nil,
            identifiers: identifiers.map { CustomerIdentifier(kind: $0.0, value: $0.1, written: $0.1) },
            position: SourcePosition(path: "/customers.jsonl", offset: 1),
            recordDigest: ContentDigest(of: Array((id + identifiers.map(\.1).joined()).utf8)))
    }

    func interaction(_ ref: String, _ mentions: [IdentifierMention], direction: Direction = .inbound, body: String = "") -> ImportItem {
        let raw = Array(ref.utf8)
        return .archive(
            IncomingOriginal(bytes: raw, position: SourcePosition(path: "/\(ref)", offset: 0)),
            NewInteraction(
                kind: .email, sourceRef: ref, contentDigest: ContentDigest(of: raw), occurredAt: nil, direction: direction,
                subject: ref, body: body, participants: [], attachments: [], references: [], defects: [], mentions: mentions))
    }

    func mention(_ kind: IdentifierKind, _ value: String, _ location: String, _ strength: LinkStrength = .exact) -> IdentifierMention {
        IdentifierMention(kind: kind, value: value, location: location, strength: strength)
    }

    @Test func linksFollowIdentifiersInEitherImportOrder() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        // Mail first, register later: links appear when the register arrives.
        _ = try store.write([interaction("a@x", [mention(.email, "maija@example.fi", "from")])], run: run)
        _ = try store.write(customers: [customer("C1", [(.email, "maija@example.fi")])])
        try store.refreshLinksIfStale()
        let maija = try #require(try store.customerIDs(sourceID: "C1").first)
        #expect(try store.timeline(customerID: maija).map(\.interaction.sourceRef) == ["a@x"])
        // Register first, then mail.
        _ = try store.write([interaction("b@x", [mention(.email, "maija@example.fi", "to")])], run: run)
        #expect(Set(try store.timeline(customerID: maija).map(\.interaction.sourceRef)) == ["a@x", "b@x"])
    }

    @Test func aSharedHouseholdAddressLinksBothAndIsFlagged() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        _ = try store.write(customers: [
            customer("C1", [(.email, "koti@example.fi"), (.phone, "+358401234567")]),
            customer("C2", [(.email, "koti@example.fi")]),
        ])
        try store.refreshLinksIfStale()
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try store.write([interaction("h@x", [mention(.email, "koti@example.fi", "from")])], run: run)
        let c1 = try #require(try store.customerIDs(sourceID: "C1").first)
        let c2 = try #require(try store.customerIDs(sourceID: "C2").first)
        for id in [c1, c2] {
            let entry = try #require(try store.timeline(customerID: id).first)
            #expect(entry.shared)
            #expect(entry.evidence == [LinkEvidence(kind: .email, value: "koti@example.fi", location: "from", strength: .exact)])
        }
    }

    @Test func weakEvidenceStaysOutOfTheProfileUntilAskedFor() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        _ = try store.write(customers: [customer("C1", [(.phone, "+358401234567")])])
        try store.refreshLinksIfStale()
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try store.write([interaction("s@x", [mention(.phone, "+358401234567", "signature", .weak)])], run: run)
        let c1 = try #require(try store.customerIDs(sourceID: "C1").first)
        #expect(try store.timeline(customerID: c1).isEmpty)
        #expect(try store.timeline(customerID: c1, includeWeak: true).map(\.strength) == [.weak])
        #expect(try store.unlinkedInteractions(limit: nil).total == 0)
    }

    @Test func personalIdentityCodesAreNeverShownAsEvidence() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        _ = try store.write(customers: [customer("C1", [(.personalID, "hash-of-hetu")])])
        try store.refreshLinksIfStale()
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try store.write([interaction("p@x", [mention(.personalID, "hash-of-hetu", "body")])], run: run)
        let c1 = try #require(try store.customerIDs(sourceID: "C1").first)
        let entry = try #require(try store.timeline(customerID: c1).first)
        #expect(entry.evidence.first?.value == nil)
        #expect(entry.evidence.first?.kind == .personalID)
    }

    @Test func complaintsNeverIncludeTheCompanysOwnReplies() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        _ = try store.write([
            interaction("in@x", [], direction: .inbound, body: "Teen reklamaation laskusta."),
            interaction("out@x", [], direction: .outbound, body: "Reklamaationne on kirjattu."),
            interaction("other@x", [], direction: .inbound, body: "Kiitos nopeasta avusta."),
        ], run: run)
        let counts = try store.applySignals(complaint: .fullText("\"reklamaatio\""), inspection: .fullText("\"tarkastuspyyntö\""))
        #expect(counts.complaints == 1)
        #expect(counts.inspectionRequests == 0)
        #expect(try store.complaints(customerID: nil, since: nil).map(\.sourceRef) == ["in@x"])
    }

    @Test func unchangedCustomerRecordsAreAlreadyPresentAndChangedOnesReplaceIdentifiers() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        #expect(try store.write(customers: [customer("C1", [(.email, "old@example.fi")])]) == [.archived])
        #expect(try store.write(customers: [customer("C1", [(.email, "old@example.fi")])]) == [.alreadyPresent])
        #expect(try store.write(customers: [customer("C1", [(.email, "new@example.fi")])]) == [.updated])
        let c1 = try #require(try store.customerIDs(sourceID: "C1").first)
        #expect(try store.customerProfile(id: c1)?.identifiers.map(\.value) == ["new@example.fi"])
        #expect(try store.customerIDs(holding: .email, value: "old@example.fi").isEmpty)
    }
}

@Suite struct ThreadLinkTests {
    @Test func repliesInheritTheExactLinksOfTheirThread() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        _ = try store.write(customers: [
            NewCustomer(
                sourceID: "HOLDER", kind: .person, name: "Maija", address: nil, marketingConsent: nil,
                identifiers: [CustomerIdentifier(kind: .customerNumber, value: "AS-1234567", written: "AS-1234567")],
                position: SourcePosition(path: "/c", offset: 0), recordDigest: ContentDigest(of: [1])),
            NewCustomer(
                sourceID: "SPOUSE", kind: .person, name: "Pekka", address: nil, marketingConsent: nil,
                identifiers: [CustomerIdentifier(kind: .email, value: "pekka@example.fi", written: "pekka@example.fi")],
                position: SourcePosition(path: "/c", offset: 1), recordDigest: ContentDigest(of: [2])),
        ])
        try store.refreshLinksIfStale()
        let run = try store.beginImportRun(sourceKind: "test", arguments: [])
        func message(_ ref: String, _ references: [String], _ mentions: [IdentifierMention]) -> ImportItem {
            let raw = Array(ref.utf8)
            return .archive(
                IncomingOriginal(bytes: raw, position: SourcePosition(path: "/\(ref)", offset: 0)),
                NewInteraction(
                    kind: .email, sourceRef: ref, contentDigest: ContentDigest(of: raw), occurredAt: nil, subject: "Lasku",
                    body: "", participants: [], attachments: [], references: references, defects: [], mentions: mentions))
        }
        // The spouse writes for the holder, naming the holder's customer number; the agent's reply
        // and the spouse's follow-up (in separate batches) mention only the spouse's address.
        _ = try store.write([message("first@x", [], [
            IdentifierMention(kind: .email, value: "pekka@example.fi", location: "from", strength: .exact),
            IdentifierMention(kind: .customerNumber, value: "AS-1234567", location: "body", strength: .exact),
        ])], run: run)
        _ = try store.write([message("reply@x", ["first@x"], [
            IdentifierMention(kind: .email, value: "pekka@example.fi", location: "to", strength: .exact),
        ])], run: run)
        _ = try store.write([message("followup@x", ["first@x", "reply@x"], [
            IdentifierMention(kind: .email, value: "pekka@example.fi", location: "from", strength: .exact),
        ])], run: run)
        let holder = try #require(try store.customerIDs(sourceID: "HOLDER").first)
        let timeline = try store.timeline(customerID: holder)
        #expect(Set(timeline.map(\.interaction.sourceRef)) == ["first@x", "reply@x", "followup@x"])
        #expect(timeline.allSatisfy { $0.strength == .exact })
        let inherited = try #require(timeline.first { $0.interaction.sourceRef == "reply@x" })
        #expect(inherited.evidence.map(\.location) == ["thread"])
    }
}

@Suite struct StaleLinkTests {
    @Test func aRegisterChangeMarksLinksStaleUntilOneRefresh() throws {
        let archive = try TemporaryArchive()
        defer { archive.remove() }
        let store = archive.store
        #expect(try store.refreshLinksIfStale() == false)
        _ = try store.write(customers: [
            NewCustomer(
                sourceID: "C1", kind: .person, name: "Maija", address: nil, marketingConsent: nil,
                identifiers: [CustomerIdentifier(kind: .email, value: "maija@example.fi", written: nil)],
                position: SourcePosition(path: "/c", offset: 0), recordDigest: ContentDigest(of: [1])),
        ])
        #expect(try store.refreshLinksIfStale() == true)
        #expect(try store.refreshLinksIfStale() == false)
    }
}
