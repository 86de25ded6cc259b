import Archive
import FinnishText
import Formats
import Foundation
import MIME

/// Imports helpdesk ticket exports (JSON Lines): each comment is an interaction, the ticket's line
/// is the original kept for all of them, and the ticket groups them like a thread.
///
/// A ticket without comments is archived as one interaction of its own (`TICKET#0`: the subject,
/// an empty body, from the requester), since its subject and requester are data about the customer
/// that an inspection report must show. A ticket with more comments than ``maxCommentsPerTicket``
/// has its first comments archived and the rest quarantined (`too_many_comments`), so one endless
/// ticket cannot stall an import.
public struct HelpdeskImporter: Sendable {
    public var archive: ArchiveStore
    public var mentions: MentionExtractor
    /// Comments archived per ticket; the ones after them are quarantined with the ticket's line.
    public var maxCommentsPerTicket = Self.defaultMaxCommentsPerTicket

    public static let defaultMaxCommentsPerTicket = 10_000

    public init(archive: ArchiveStore, personalIDKey: PersonalIDKey) {
        self.archive = archive
        mentions = MentionExtractor(personalIDKey: personalIDKey)
    }

    public func run(paths: [String], progress: (ImportTally) -> Void = { _ in }) throws(ImportError) -> ImportTally {
        let run = try archiving { () throws(ArchiveError) in try archive.beginImportRun(sourceKind: "helpdesk", arguments: paths) }
        let writer = WritePipeline(archive: archive, run: run)
        var agentDomains = Set<String>()
        for path in paths {
            let reader: HelpdeskExportReader
            do {
                reader = try HelpdeskExportReader(path: path)
            } catch {
                throw .file(error)
            }
            try RecordBatches(archive: archive).run(reader, into: writer, progress: progress) { record in
                items(of: record, in: path, agentDomains: &agentDomains)
            }
        }
        let tally = try writer.finish()
        try learnOwnDomains(agentDomains)
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: tally) }
        return tally
    }

    /// Reads the ticket lines appended to the export `path` since the last run of the source
    /// `checkpointKey` (all of it the first time), at most `maxRecords` lines; each batch is
    /// committed with the new checkpoint. A file rewritten with other content is read again from
    /// its start (comments archived before are known by their content and not added twice); a
    /// rotated file's rest is read first; a last line still being written waits for the next run.
    public func runTail(
        path: String, checkpointKey: String, maxRecords: Int? = nil, progress: (ImportTally) -> Void = { _ in }
    ) throws(ImportError) -> TailResult {
        var agentDomains = Set<String>()
        let result = try AppendOnlyRun(archive: archive, key: checkpointKey, path: path, maxRecords: maxRecords).run(
            sourceKind: "helpdesk", progress: progress,
            open: { segment throws(FormatFileError) in
                var reader = try HelpdeskExportReader(file: segment.file)
                reader.start = segment.start
                reader.holdsIncompleteRecord = segment.isLive
                return reader
            },
            prepare: { record, segment in items(of: record, in: segment.path, agentDomains: &agentDomains) })
        try learnOwnDomains(agentDomains)
        return result
    }

    /// The items of one ticket line; notes the domains its agents write from.
    private func items(
        of record: SourceRecord<HelpdeskTicket>, in path: String, agentDomains: inout Set<String>
    ) -> [ImportItem] {
        for comment in record.value.comments where comment.role == .agent {
            if let domain = comment.author.email.flatMap(EmailAddress.init)?.domain, !domain.isEmpty {
                agentDomains.insert(String(domain))
            }
        }
        let original = IncomingOriginal(bytes: record.raw, position: record.position(in: path))
        return items(of: record.value, line: record.line, original: original)
    }

    /// The helpdesk's agents write from the company's own domains: mail from them is the
    /// company's too (an agent's reply is never a customer's complaint).
    private func learnOwnDomains(_ domains: Set<String>) throws(ImportError) {
        let known = Set(try archiving { () throws(ArchiveError) in try archive.ownDomains() })
        guard !domains.isSubset(of: known) else { return }
        try archiving { () throws(ArchiveError) in try archive.setOwnDomains(Array(known.union(domains)).sorted()) }
    }

    /// The ticket's interactions, and its comments over the limit quarantined.
    func items(of ticket: HelpdeskTicket, line: Int, original: IncomingOriginal) -> [ImportItem] {
        let limit = max(maxCommentsPerTicket, 1)
        let count = ticket.comments.count
        guard count > limit else { return [.archive(original, interactions(of: ticket))] }
        var kept = ticket
        kept.comments.removeLast(count - limit)
        let excess = QuarantineItem(
            position: original.position, reason: .tooManyComments,
            detail: "line \(line): ticket \(ticket.id) has \(count) comments, more than the limit of \(limit) per ticket: "
                + "comments \(limit + 1)–\(count) are not archived (import it again with a higher limit to archive them)",
            original: original)
        return [.archive(original, interactions(of: kept)), .quarantine(excess)]
    }

    func interactions(of ticket: HelpdeskTicket) -> [NewInteraction] {
        let info = TicketInfo(
            id: ticket.id, subject: ticket.subject, status: ticket.status, priority: ticket.priority,
            channel: ticket.channel, tags: ticket.tags, requesterName: ticket.requester?.name,
            requesterEmail: ticket.requester?.email, requesterPhone: ticket.requester?.phone,
            createdAt: ticket.createdAt, updatedAt: ticket.updatedAt)
        // Who the ticket is about applies to every comment, the agents' replies included.
        var ticketMentions: [IdentifierMention] = []
        ticketMentions += [mentions.mention(email: ticket.requester?.email, location: "requester")].compactMap { $0 }
        ticketMentions += [mentions.mention(phone: ticket.requester?.phone, location: "requester")].compactMap { $0 }
        ticketMentions += mentions.mentions(inText: ticket.subject, role: .subject)

        if ticket.comments.isEmpty { return [opening(of: ticket, info: info, mentions: ticketMentions)] }
        return ticket.comments.map { comment in
            let body = comment.bodyIsHTML ? HTMLText.render(comment.body) : comment.body
            let isAgent = comment.role == .agent
            var participants: [Participant] = []
            if let email = comment.author.email.flatMap(EmailAddress.normalized) {
                participants.append(Participant(role: .from, name: comment.author.name, address: email))
            }
            if isAgent, let email = ticket.requester?.email.flatMap(EmailAddress.normalized) {
                participants.append(Participant(role: .to, name: ticket.requester?.name, address: email))
            }
            var commentMentions = ticketMentions
            commentMentions += [mentions.mention(email: comment.author.email, location: "author")].compactMap { $0 }
            commentMentions += mentions.mentions(inText: body, role: .body)
            let fingerprint = "helpdesk\n\(ticket.id)#\(comment.number)\n\(comment.createdAt.map(Timestamp.format) ?? "")\n"
                + "\(comment.author.email ?? "")\n\(comment.body)"
            return NewInteraction(
                kind: .ticket,
                sourceRef: "\(ticket.id)#\(comment.number)",
                contentDigest: ContentDigest(of: Array(fingerprint.utf8)),
                occurredAt: comment.createdAt ?? ticket.createdAt,
                direction: isAgent ? .outbound : comment.role == .endUser ? .inbound : .unknown,
                subject: ticket.subject,
                body: body,
                participants: participants,
                attachments: comment.attachments.map { a in
                    NewAttachment(filename: a.fileName, contentType: a.contentType ?? "application/octet-stream",
                                  size: a.size ?? 0, digest: nil, text: nil)
                },
                references: [],
                defects: [],
                mentions: Array(Set(commentMentions)),
                details: .ticketComment(TicketComment(
                    ticket: info, number: comment.number, authorRole: comment.role.exportValue, isPublic: comment.isPublic)))
        }
    }

    /// A ticket without comments as one interaction, `TICKET#0`: its subject, an empty body, from the
    /// requester, at the ticket's creation time.
    private func opening(of ticket: HelpdeskTicket, info: TicketInfo, mentions: [IdentifierMention]) -> NewInteraction {
        let requesterEmail = ticket.requester?.email.flatMap(EmailAddress.normalized)
        let participants = requesterEmail.map { [Participant(role: .from, name: ticket.requester?.name, address: $0)] } ?? []
        let fingerprint = "helpdesk\n\(ticket.id)#0\n\(ticket.createdAt.map(Timestamp.format) ?? "")\n"
            + "\(ticket.requester?.email ?? "")\n\(ticket.requester?.phone ?? "")\n\(ticket.subject)"
        return NewInteraction(
            kind: .ticket,
            sourceRef: "\(ticket.id)#0",
            contentDigest: ContentDigest(of: Array(fingerprint.utf8)),
            occurredAt: ticket.createdAt ?? ticket.updatedAt,
            direction: .inbound,
            subject: ticket.subject,
            body: "",
            participants: participants,
            attachments: [],
            references: [],
            defects: ["ticket_without_comments"],
            mentions: Array(Set(mentions)),
            details: .ticketComment(TicketComment(
                ticket: info, number: 0, authorRole: HelpdeskRole.endUser.exportValue, isPublic: true)))
    }
}

extension HelpdeskRole {
    /// The role as exports name it.
    var exportValue: String {
        switch self {
        case .endUser: "end-user"
        case .agent: "agent"
        case .other(let value): value
        }
    }
}
