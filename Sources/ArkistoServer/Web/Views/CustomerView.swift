import Archive

/// A customer's page: profile, identifiers, timeline across channels.
struct CustomerView {
    struct Identifier {
        var kind: String
        var label: String
        var value: String
    }

    struct Event {
        var id: Int64
        var kind: String
        var kindLabel: String
        var when: String
        var subject: String
        var isComplaint: Bool
        var isInspectionRequest: Bool
        var shared: Bool
    }

    var chrome: PageChrome?
    var name: String
    var registerID: String
    var path: String
    var kindLabel: String
    var address: String?
    var consentLabel: String?
    var identifiers: [Identifier]
    var events: [Event]
    var count: Int
    var complaints: Int

    init(chrome: PageChrome?, record: CustomerRecord) {
        self.chrome = chrome
        let profile = record.profile
        name = profile.name
        registerID = profile.sourceID
        path = FormFields.pathSegment(profile.sourceID)
        kindLabel = profile.kind == .company ? "yritys" : "henkilö"
        address = profile.address
        consentLabel = profile.marketingConsent.map { $0 ? "kyllä" : "ei" }
        identifiers = profile.identifiers.map { identifier in
            Identifier(
                kind: identifier.kind.rawValue, label: FinnishFormat.identifier(identifier.kind),
                value: identifier.written ?? "(tallennettu vain tiivisteenä)")
        }
        events = record.timeline.map { entry in
            let i = entry.interaction
            return Event(
                id: i.interactionID, kind: FinnishFormat.channel(i.kind), kindLabel: FinnishFormat.kind(i.kind),
                when: FinnishFormat.time(i.occurredAt), subject: FinnishFormat.subject(i.subject), isComplaint: i.isComplaint,
                isInspectionRequest: i.isInspectionRequest, shared: entry.shared)
        }
        count = events.count
        complaints = events.filter(\.isComplaint).count
    }
}
