import Archive

/// Interactions whose text holds a customer's full name (in any inflection, as search finds it):
/// evidence too weak to link on, but worth a privacy officer's look.
enum NameSearch {
    static func interactions(naming subject: CustomerProfile, in archive: ArchiveStore) throws(ArchiveError) -> [Int64] {
        let words = NameMatcher.words(in: subject.name).map { String(subject.name[$0]) }
        guard words.count >= 2 else { return [] }
        let phrase = "\"" + words.joined(separator: " ") + "\""
        do {
            // A report must be complete: no time limit.
            return try Search(archive: archive, timeLimit: nil).run(phrase, limit: nil).hits.map(\.interactionID)
        } catch {
            switch error {
            case .archive(let archiveError): throw archiveError
            case .syntax, .stopped: return []
            }
        }
    }

    /// Name matches worth reviewing for the subject's report: none when an agent signs with the
    /// subject's name (every reply of theirs would match), and none linked to a namesake (the name
    /// there is most likely the namesake's).
    static func reviewCandidates(
        for subject: CustomerProfile, register: RegisterDirectory, ownDomains: [String], in archive: ArchiveStore
    ) throws(ArchiveError) -> [Int64] {
        let hits = try interactions(naming: subject, in: archive)
        guard !hits.isEmpty, try !archive.isStaffName(subject.name, ownDomains: ownDomains) else { return [] }
        let lower = subject.name.lowercased()
        var namesakes = Set<Int64>()
        for other in register.customers where other.id != subject.id && other.name.lowercased() == lower {
            for entry in try archive.timeline(customerID: other.id, includeWeak: true) {
                namesakes.insert(entry.interaction.interactionID)
            }
        }
        return hits.filter { !namesakes.contains($0) }
    }
}
