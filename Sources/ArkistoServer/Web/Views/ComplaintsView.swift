import Archive

struct ComplaintsView {
    struct Item {
        var id: Int64
        var kind: String
        var kindLabel: String
        var when: String
        var subject: String
    }

    var chrome: PageChrome?
    var since: String
    var items: [Item]
    var count: Int

    init(chrome: PageChrome?, since: String, list: [InteractionSummary]) {
        self.chrome = chrome
        self.since = since
        items = list.map { i in
            Item(id: i.interactionID, kind: FinnishFormat.channel(i.kind), kindLabel: FinnishFormat.kind(i.kind),
                 when: FinnishFormat.time(i.occurredAt), subject: FinnishFormat.subject(i.subject))
        }
        count = items.count
    }
}
