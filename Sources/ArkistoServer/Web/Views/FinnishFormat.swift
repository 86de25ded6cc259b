import Archive
import Foundation

/// Times, numbers and names as the Finnish interface writes them.
enum FinnishFormat {
    private static let zone = TimeZone(identifier: "Europe/Helsinki") ?? .gmt

    /// `14.1.2025 klo 9.12`, Finnish time.
    static func time(_ date: Date?) -> String {
        guard let date else { return "(ei aikaa)" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(c.day ?? 0).\(c.month ?? 0).\(c.year ?? 0) klo \(c.hour ?? 0).\(String(format: "%02d", c.minute ?? 0))"
    }

    /// `3,1` (one decimal, comma).
    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    static func kind(_ kind: InteractionKind) -> String {
        switch kind {
        case .email: "Sähköposti"
        case .ticket: "Tukipyyntö"
        case .call: "Puhelu"
        }
    }

    /// The channel's name in URLs and `data-kind`: email, support, call.
    static func channel(_ kind: InteractionKind) -> String {
        switch kind {
        case .email: "email"
        case .ticket: "support"
        case .call: "call"
        }
    }

    static func identifier(_ kind: IdentifierKind) -> String {
        switch kind {
        case .email: "Sähköposti"
        case .phone: "Puhelin"
        case .customerNumber: "Asiakasnumero"
        case .businessID: "Y-tunnus"
        case .personalID: "Henkilötunnus"
        }
    }

    static func direction(_ direction: Direction) -> String {
        switch direction {
        case .inbound: "saapuva"
        case .outbound: "lähtevä"
        case .unknown: "ei tiedossa"
        }
    }

    static func role(_ role: ParticipantRole) -> String {
        switch role {
        case .from: "Lähettäjä"
        case .to: "Vastaanottaja"
        case .cc: "Kopio"
        case .bcc: "Piilokopio"
        case .replyTo: "Vastausosoite"
        }
    }

    /// Where an attachment's text came from (the archive's `text_source`), in words.
    static func textSource(_ source: String?) -> String {
        switch source {
        case "text": "tekstiliite"
        case "pdf": "PDF:n tekstikerros"
        case "ocr": "tekstintunnistus (OCR)"
        case "ooxml": "Office-asiakirja"
        case "odf": "OpenDocument-asiakirja"
        case "rtf": "RTF-asiakirja"
        case "doc": "vanha Office-asiakirja"
        case "message": "liitetty viesti"
        case "tnef": "Outlookin winmail.dat"
        case "zip": "ZIP-arkiston tiedostot"
        case let other?: other
        case nil: "lähde ei tiedossa"
        }
    }

    static func subject(_ subject: String) -> String {
        subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "(ei aihetta)" : subject
    }
}
