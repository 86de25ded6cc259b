/// Which interactions are complaints (reklamaatiot) and which are requests to see one's personal
/// data (tarkastuspyynnöt), written as searches in the query language so that users can read and
/// edit them (`arkisto classify --print-rules > rules.txt`, edit, `arkisto classify --rules
/// rules.txt`). Words match every inflection and compound part, as in search.
///
/// Format: one rule a line, `complaint: QUERY` or `inspection: QUERY`; the lines of one class are
/// alternatives; `#` starts a comment. Replies written by the company never count (their
/// direction is outbound), whatever they say.
public struct ClassificationRules: Sendable, Equatable {
    public var complaint: QueryNode
    public var inspection: QueryNode
    /// The rules as written, kept with the archive so later imports apply the same rules.
    public var text: String

    public init(parsing text: String, source: String) throws(RulesError) {
        var complaints: [QueryNode] = []
        var inspections: [QueryNode] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw RulesError(source: source, line: index + 1, reason: "expected `complaint: QUERY` or `inspection: QUERY`")
            }
            let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let query = String(trimmed[trimmed.index(after: colon)...])
            let node: QueryNode
            do {
                node = try QueryParser().parse(query)
            } catch {
                throw RulesError(source: source, line: index + 1, reason: "cannot read the query: \(error)")
            }
            switch name {
            case "complaint": complaints.append(node)
            case "inspection": inspections.append(node)
            default:
                throw RulesError(source: source, line: index + 1, reason: "unknown class '\(name)': use complaint or inspection")
            }
        }
        guard !complaints.isEmpty, !inspections.isEmpty else {
            throw RulesError(source: source, line: 0, reason: "needs at least one complaint rule and one inspection rule")
        }
        complaint = complaints.count == 1 ? complaints[0] : .or(complaints)
        inspection = inspections.count == 1 ? inspections[0] : .or(inspections)
        self.text = text
    }

    /// The rules Arkisto starts with.
    public static var standard: ClassificationRules {
        // The default text is fixed and tested; a failure here is a programming error.
        do {
            return try ClassificationRules(parsing: standardText, source: "built-in rules")
        } catch {
            preconditionFailure("\(error)")
        }
    }

    public static let standardText = """
        # Arkisto classification rules: `complaint: QUERY` or `inspection: QUERY`, one per line.
        # A line of one class is an alternative to the others. Queries use the search language:
        # a word matches all its inflections and the compounds it ends (lasku: puhelinlasku);
        # word* also those it begins (lasku*: laskuvirhe); "quotes" match a phrase.

        # Complaints: disputes about invoices and charges, service failures, claims for compensation.
        complaint: reklamaatio OR valitus OR hyvitys OR hyvitysvaatimus OR korvaus OR korvausvaatimus OR hinnanalennus
        complaint: virhe OR virheellinen OR väärä OR perusteeton OR kohtuuton OR ylilaskutus OR pielessä OR liikaa
        complaint: "en ole tilannut" OR "en ole ottanut käyttöön" OR "en ole saanut" OR kahdesti OR tyytymätön
        complaint: vika OR vikailmoitus OR häiriö OR katkos OR katketa OR katkeilla OR toimimaton
        complaint: (yhteys OR netti OR internet OR laajakaista OR liittymä OR verkko OR nettiyhteys) "ei toimi"
        complaint: tag:reklamaatio OR tag:valitus
        complaint: reklamation OR klagomål OR felaktig OR "är fel" OR avbrott OR "inte fungerat" OR "fungerar inte" OR ersättning OR kreditering
        complaint: complaint OR dispute OR refund OR overcharged OR "charged twice" OR wrong OR outage OR "been down" OR "is down" OR "not working" OR "does not work" OR "connection has dropped"

        # Inspection requests: a data subject asking what personal data is held (GDPR Art. 15).
        inspection: tarkastuspyyntö OR tarkastusoikeus OR tietopyyntö OR "15 artikla" OR tietosuojaseloste
        inspection: henkilötieto (rekisteri OR asiakasrekisteri OR tietää OR luovuttaa OR saada)
        inspection: tag:tarkastuspyyntö OR tag:tarkastuspyynto OR tag:tietosuoja
        inspection: registerutdrag OR "artikel 15" OR ("ta del av" personuppgifter)
        inspection: "article 15" OR "subject access" OR "right of access" OR "access request" OR "personal data you hold"
        """
}

/// A rules file that cannot be read, with the line at fault.
public struct RulesError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var reason: String

    public var description: String { line > 0 ? "\(source):\(line): \(reason)" : "\(source): \(reason)" }
}
