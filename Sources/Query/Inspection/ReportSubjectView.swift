import Archive

/// What the subject may see of an interaction's participants and text: their own identifiers
/// and the company's stay, everyone else's are redacted.
struct ReportSubjectView: Sendable {
    var subject: CustomerProfile
    var register: RegisterDirectory
    var ownDomains: Set<String>
    var companyPhones: Set<String>
    var redactor: TextRedactor

    func text(_ text: String, into counts: inout RedactionCounts) -> String {
        let redacted = redactor.redact(text)
        counts.add(redacted.counts)
        return redacted.text
    }

    /// A participant: kept when the address is the subject's or the company's (names in it still
    /// pass the redactor: a household address is shared, its other holder's name is not);
    /// otherwise both name and address are redacted.
    func participant(_ p: Participant, into counts: inout RedactionCounts) -> ReportParticipant {
        let isEmail = p.address.contains("@")
        if isSubjects(p.address, email: isEmail) || isCompanys(p.address, email: isEmail) {
            return ReportParticipant(role: p.role, name: p.name.map { text($0, into: &counts) }, address: p.address)
        }
        let kind: RedactedKind = isEmail ? .email : .phone
        counts.add(kind)
        if p.name?.isEmpty == false { counts.add(.name) }
        return ReportParticipant(
            role: p.role, name: p.name?.isEmpty == false ? RedactedKind.name.placeholder : nil, address: kind.placeholder)
    }

    func isSubjects(_ address: String, email: Bool) -> Bool {
        register.holders(of: email ? .email : .phone, address).contains(subject.id)
    }

    private func isCompanys(_ address: String, email: Bool) -> Bool {
        email ? ownDomains.contains(String(address.split(separator: "@").last ?? "")) : companyPhones.contains(address)
    }

    /// Whether the subject sent or received the interaction (is one of its addresses), so that its
    /// original is theirs to receive.
    func sentOrReceived(_ content: InteractionContent) -> Bool {
        if content.participants.contains(where: { isSubjects($0.address, email: $0.address.contains("@")) }) {
            return true
        }
        guard let ticket = content.ticket, ticket.isPublic else { return false }
        let requester = [ticket.requesterEmail.flatMap(normalisedEmail), ticket.requesterPhone.flatMap(normalisedPhone)]
        return requester.contains { value in value.map { isSubjects($0, email: $0.contains("@")) } ?? false }
    }
}
