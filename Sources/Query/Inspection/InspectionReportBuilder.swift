import Archive
import Foundation

/// A report ready to be written, with the files to copy for the subject.
struct BuiltReport: Sendable {
    var report: InspectionReport
    var files: [PlannedFile]
    /// Weakly linked interactions awaiting the privacy officer's decision (left out of the report).
    var pendingReview: Int
}

/// Gathers what the archive holds about a case's subject: exact links (and weak ones confirmed
/// on review) only, other people's data redacted.
struct InspectionReportBuilder: Sendable {
    var archive: ArchiveStore
    var hasher: PersonalIDHasher?
    var now: Date

    func build(_ record: InspectionCaseRecord) throws(PrivacyError) -> BuiltReport {
        guard let customerID = record.customerID else {
            throw .invalid("case \(record.id): customer \(record.customerSourceID) has been erased from the register")
        }
        let subject = try archiving { () throws(ArchiveError) in try archive.customerProfile(id: customerID) }
        guard let subject else {
            throw .invalid("case \(record.id): customer \(record.customerSourceID) is no longer in the register")
        }
        let (register, ownDomains, companyPhones, timeline, reviews) = try archiving { () throws(ArchiveError) in
            let register = try RegisterDirectory.load(archive)
            let ownDomains = try archive.ownDomains()
            let named = try NameSearch.reviewCandidates(for: subject, register: register, ownDomains: ownDomains, in: archive)
            return (
                register, Set(ownDomains), try archive.companyPhoneNumbers(),
                try archive.timeline(customerID: customerID, includeWeak: false, includeEarlierVersions: true),
                try archive.queueLinkReviews(caseID: record.id, customerID: customerID, nameMatches: named))
        }
        let notice = try RegisterNotice.current(archive)
        let view = ReportSubjectView(
            subject: subject, register: register, ownDomains: ownDomains, companyPhones: companyPhones,
            redactor: TextRedactor(policy: .inspectionReport(
                subject: subject, register: register, ownDomains: ownDomains, companyPhones: companyPhones, hasher: hasher)))

        var links: [Int64: ReportLink] = [:]
        for entry in timeline {
            links[entry.interaction.interactionID] = ReportLink(
                strength: entry.strength, confirmedOnReview: false, reviewBasis: nil, shared: entry.shared, evidence: entry.evidence)
        }
        for item in reviews where item.decision == .include {
            links[item.entry.interaction.interactionID] = ReportLink(
                strength: item.entry.strength, confirmedOnReview: true, reviewBasis: item.basis, shared: item.entry.shared,
                evidence: item.entry.evidence)
        }
        let contents = try archiving { () throws(ArchiveError) in try archive.interactionContents(ids: Array(links.keys)) }
            .sorted { ($0.summary.occurredAt ?? .distantPast, $0.summary.interactionID) < ($1.summary.occurredAt ?? .distantPast, $1.summary.interactionID) }

        var interactions: [ReportInteraction] = []
        var files: [PlannedFile] = []
        var total = RedactionCounts()
        for content in contents {
            guard let link = links[content.summary.interactionID] else { continue }
            let index = interactions.count
            var (interaction, planned) = reportInteraction(content, link: link, view: view, index: index)
            files += planned
            total.add(interaction.redactions)
            if planned.isEmpty, content.summary.kind != .call { interaction.original = ReportFile(path: nil, sha256: nil, state: .notCopied) }
            interactions.append(interaction)
        }
        let report = InspectionReport(
            generatedAt: Timestamp.format(now),
            request: InspectionReport.RequestInfo(
                caseID: record.id, receivedOn: record.receivedOn, dueOn: record.dueOn, extensionMonths: record.extensionMonths,
                extensionReason: record.extensionReason, channel: record.channel, status: record.status),
            notice: notice,
            subject: subjectData(subject),
            interactions: interactions,
            summary: summary(interactions, subject: subject, view: view),
            redactions: total)
        return BuiltReport(report: report, files: files, pendingReview: reviews.filter { $0.decision == .pending }.count)
    }

    private func reportInteraction(_ content: InteractionContent, link: ReportLink, view: ReportSubjectView, index: Int)
        -> (ReportInteraction, [PlannedFile])
    {
        var counts = RedactionCounts()
        let summary = content.summary
        let participants = content.participants.map { view.participant($0, into: &counts) }
        let subject = view.text(summary.subject, into: &counts)
        let body = view.text(content.body, into: &counts)
        let attachments = content.attachments.map { a in
            ReportAttachment(
                filename: a.filename.map { view.text($0, into: &counts) }, contentType: a.contentType, size: a.size,
                sha256: a.sha256, text: a.text.map { view.text($0, into: &counts) })
        }
        var interaction = ReportInteraction(
            sourceRef: summary.sourceRef, kind: summary.kind, occurredAt: summary.occurredAt.map(Timestamp.format),
            direction: summary.direction, subject: subject, body: body, participants: participants, attachments: attachments,
            isComplaint: summary.isComplaint, isInspectionRequest: summary.isInspectionRequest, link: link,
            ticket: content.ticket.map { t in
                ReportTicket(ticketID: t.ticketID, commentNumber: t.number, authorRole: t.authorRole, isPublic: t.isPublic,
                             status: t.status, channel: t.channel)
            },
            call: nil, original: nil, redactions: counts)

        var files: [PlannedFile] = []
        let theirs = view.sentOrReceived(content)
        let stem = String(format: "originals/%04d-%@-%@", index + 1, summary.kind.rawValue, FileNames.safe(summary.sourceRef))
        switch summary.kind {
        case .email:
            if theirs, let original = content.originalID {
                files.append(PlannedFile(interactionIndex: index, slot: .original, path: stem + ".eml", source: .original(id: original)))
            }
        case .ticket:
            if theirs, let comment = TicketCommentOriginal(content) {
                files.append(PlannedFile(interactionIndex: index, slot: .original, path: stem + ".json", source: .bytes(comment.bytes)))
            }
        case .call:
            guard let call = content.call else { break }
            interaction.call = ReportCall(
                disposition: call.disposition, durationSeconds: call.duration, billableSeconds: call.billableSeconds,
                audioFormat: call.audioFormat, audioSeconds: call.audioSeconds,
                recording: call.recordingPath.map { _ in ReportFile(path: nil, sha256: call.recordingSHA256, state: .notCopied) },
                transcript: call.transcriptPath.map { _ in ReportFile(path: nil, sha256: call.transcriptSHA256, state: .notCopied) })
            if theirs, let path = call.recordingPath {
                let ext = (path as NSString).pathExtension.isEmpty ? "wav" : (path as NSString).pathExtension
                files.append(PlannedFile(
                    interactionIndex: index, slot: .recording, path: stem + "." + FileNames.safe(ext),
                    source: .file(path: path, sha256: call.recordingSHA256)))
            }
            if theirs, let path = call.transcriptPath {
                files.append(PlannedFile(
                    interactionIndex: index, slot: .transcript, path: stem + ".vtt", source: .file(path: path, sha256: call.transcriptSHA256)))
            }
        }
        return (interaction, files)
    }

    private func subjectData(_ subject: CustomerProfile) -> InspectionReport.SubjectData {
        func written(_ kind: IdentifierKind) -> [String] {
            subject.identifiers.filter { $0.kind == kind }.map { $0.written ?? $0.value }
        }
        return InspectionReport.SubjectData(
            registerID: subject.sourceID, kind: subject.kind, name: subject.name, address: subject.address,
            emails: written(.email), phones: written(.phone), customerNumber: written(.customerNumber).first,
            businessID: written(.businessID).first,
            personalIDHeld: subject.identifiers.contains { $0.kind == .personalID },
            marketingConsent: subject.marketingConsent)
    }

    private func summary(_ interactions: [ReportInteraction], subject: CustomerProfile, view: ReportSubjectView) -> ReportSummary {
        let emails = interactions.filter { $0.kind == .email }
        let calls = interactions.compactMap(\.call)
        let dates = interactions.compactMap(\.occurredAt).sorted()
        return ReportSummary(
            emails: emails.count,
            emailsFromSubject: emails.filter { e in
                e.participants.contains { $0.role == .from && view.isSubjects($0.address, email: true) }
            }.count,
            ticketMessages: interactions.filter { $0.kind == .ticket }.count,
            calls: interactions.filter { $0.kind == .call }.count,
            recordings: calls.filter { $0.recording != nil }.count,
            transcripts: calls.filter { $0.transcript != nil }.count,
            complaints: interactions.filter(\.isComplaint).count,
            inspectionRequests: interactions.filter(\.isInspectionRequest).count,
            first: dates.first, last: dates.last, originalsCopied: 0,
            redacted: interactions.reduce(0) { $0 + $1.redactions.total })
    }
}
