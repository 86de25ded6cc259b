import Archive
import FinnishText
import Formats
import Foundation
import MIME

/// Imports helpdesk ticket exports (JSON Lines): each comment is an interaction, the ticket's line
/// is the original kept for all of them, and the ticket groups them like a thread.
public struct HelpdeskImporter: Sendable {
    public var archive: ArchiveStore
    public var mentions: MentionExtractor

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
                for comment in record.value.comments where comment.role == .agent {
                    if let domain = comment.author.email.flatMap(EmailAddress.init)?.domain, !domain.isEmpty {
                        agentDomains.insert(String(domain))
                    }
                }
                let original = IncomingOriginal(bytes: record.raw, position: record.position(in: path))
                return .archive(original, interactions(of: record.value))
            }
        }
        let tally = try writer.finish()
        try learnOwnDomains(agentDomains)
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: tally) }
        return tally
    }

    /// The helpdesk's agents write from the company's own domains: mail from them is the
    /// company's too (an agent's reply is never a customer's complaint).
    private func learnOwnDomains(_ domains: Set<String>) throws(ImportError) {
        let known = Set(try archiving { () throws(ArchiveError) in try archive.ownDomains() })
        guard !domains.isSubset(of: known) else { return }
        try archiving { () throws(ArchiveError) in try archive.setOwnDomains(Array(known.union(domains)).sorted()) }
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
