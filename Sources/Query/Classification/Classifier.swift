import Archive

/// Applies classification rules to every interaction of an archive.
public struct Classifier: Sendable {
    public static let rulesSetting = "classification_rules"

    public var archive: ArchiveStore

    public init(archive: ArchiveStore) {
        self.archive = archive
    }

    /// The rules stored with the archive, or the standard ones.
    public func currentRules() throws(ClassifyError) -> ClassificationRules {
        let stored: String?
        do {
            stored = try archive.setting(Self.rulesSetting)
        } catch {
            throw .archive(error)
        }
        guard let stored else { return .standard }
        do {
            return try ClassificationRules(parsing: stored, source: "rules stored in \(archive.path)")
        } catch {
            throw .rules(error)
        }
    }

    /// Applies `rules` and stores them with the archive for later imports; without rules, applies
    /// the current ones.
    @discardableResult
    public func apply(_ newRules: ClassificationRules? = nil) throws(ClassifyError) -> (complaints: Int, inspectionRequests: Int) {
        let rules: ClassificationRules
        if let newRules {
            rules = newRules
        } else {
            rules = try currentRules()
        }
        let search = Search(archive: archive)
        do throws(ArchiveError) {
            let complaint = try search.planner(for: rules.complaint).matchingCondition(for: rules.complaint)
            let inspection = try search.planner(for: rules.inspection).matchingCondition(for: rules.inspection)
            if let newRules {
                try archive.setSetting(Self.rulesSetting, to: newRules.text)
            }
            return try archive.applySignals(complaint: complaint, inspection: inspection)
        } catch {
            throw .archive(error)
        }
    }

    /// Applies the current rules to the interactions in `scope` only (what a capture run just
    /// archived or amended), so that flagging a new message costs the same in a large archive as in
    /// a small one.
    public func apply(to scope: ClassificationScope) throws(ClassifyError) {
        let rules = try currentRules()
        let search = Search(archive: archive)
        do throws(ArchiveError) {
            let complaint = try search.planner(for: rules.complaint).matchingCondition(for: rules.complaint)
            let inspection = try search.planner(for: rules.inspection).matchingCondition(for: rules.inspection)
            try archive.applySignals(complaint: complaint, inspection: inspection, scope: scope)
        } catch {
            throw .archive(error)
        }
    }
}

public enum ClassifyError: Error, Sendable, CustomStringConvertible {
    case rules(RulesError)
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case .rules(let error): "\(error)"
        case .archive(let error): "\(error)"
        }
    }
}
