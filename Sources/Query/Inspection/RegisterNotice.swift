import Archive
import Foundation

/// The information GDPR Art. 15(1) requires with a copy of the data: who the controller is, why
/// and on what basis the data is processed, who receives it, how long it is kept, where it comes
/// from, and the subject's rights. Set per archive (`arkisto inspection notice --set FILE`, JSON
/// with these keys); the standard text describes a customer-service archive.
public struct RegisterNotice: Sendable, Codable, Equatable {
    public var controllerName: String
    public var controllerContact: String
    public var dataProtectionOfficer: String
    public var registerName: String
    public var purposes: [String]
    public var legalBases: [String]
    public var recipients: [String]
    public var transfers: String
    public var retention: String
    public var sources: [String]
    public var automatedDecisions: String
    public var rights: [String]
    public var supervisoryAuthority: String

    enum CodingKeys: String, CodingKey {
        case controllerName = "controller_name", controllerContact = "controller_contact"
        case dataProtectionOfficer = "data_protection_officer", registerName = "register_name", purposes
        case legalBases = "legal_bases", recipients, transfers, retention, sources
        case automatedDecisions = "automated_decisions", rights, supervisoryAuthority = "supervisory_authority"
    }

    public static let settingKey = "privacy_notice"

    public static let standard = RegisterNotice(
        controllerName: "(rekisterinpitäjän nimi: aseta komennolla arkisto inspection notice --set)",
        controllerContact: "(rekisterinpitäjän yhteystiedot)",
        dataProtectionOfficer: "(tietosuojavastaavan yhteystiedot)",
        registerName: "Asiakaspalvelun viestiarkisto",
        purposes: [
            "Asiakaspalvelupyyntöjen, vikailmoitusten ja reklamaatioiden käsittely ja niihin vastaaminen.",
            "Asiakassuhteen hoitaminen sekä sopimusten ja laskutuksen selvittäminen.",
            "Oikeudellisten vaatimusten laatiminen, esittäminen tai puolustaminen.",
            "Palvelun laadun seuranta ja asiakaspalvelun kehittäminen.",
        ],
        legalBases: [
            "Sopimuksen täytäntöönpano (EU:n yleinen tietosuoja-asetus, 6 artiklan 1 kohdan b alakohta).",
            "Lakisääteisen velvoitteen noudattaminen, kuten kirjanpito ja sähköisen viestinnän palveluista annettu laki (c alakohta).",
            "Rekisterinpitäjän oikeutettu etu asiakaspalvelun laadun varmistamiseen ja oikeusvaatimusten hoitamiseen (f alakohta).",
        ],
        recipients: [
            "Tietoja käsittelevät rekisterinpitäjän asiakaspalvelun työntekijät tehtäviensä edellyttämässä laajuudessa.",
            "Rekisterinpitäjän lukuun toimivat palveluntarjoajat (esimerkiksi asiakaspalvelujärjestelmän ja puhelinvaihteen toimittajat) henkilötietojen käsittelysopimuksen nojalla.",
            "Viranomaiset, kun laki sitä edellyttää.",
        ],
        transfers: "Tietoja ei siirretä Euroopan unionin tai Euroopan talousalueen ulkopuolelle.",
        retention: "Asiakaspalvelun viestejä, tukipyyntöjä ja puhelutallenteita säilytetään asiakassuhteen ajan ja sen jälkeen niin kauan kuin se on tarpeen vaatimusten selvittämiseksi, enintään lain edellyttämän ajan. Vanhentuneet tiedot poistetaan säännöllisesti.",
        sources: [
            "Rekisteröity itse: sähköpostit, tukipyynnöt ja puhelut asiakaspalveluun.",
            "Rekisterinpitäjän asiakasrekisteri: yhteystiedot, asiakasnumero ja markkinointiluvat.",
            "Rekisterinpitäjän omat vastaukset ja merkinnät asiakaspalvelutapahtumiin.",
        ],
        automatedDecisions: "Tietoja ei käytetä automaattiseen päätöksentekoon eikä profilointiin, jolla olisi rekisteröityyn kohdistuvia oikeusvaikutuksia.",
        rights: [
            "Oikeus tarkastaa itseäsi koskevat tiedot ja saada niistä jäljennös (15 artikla).",
            "Oikeus vaatia virheellisen tai puutteellisen tiedon oikaisemista (16 artikla).",
            "Oikeus vaatia tietojen poistamista (17 artikla) ja käsittelyn rajoittamista (18 artikla).",
            "Oikeus vastustaa oikeutettuun etuun perustuvaa käsittelyä ja suoramarkkinointia (21 artikla).",
            "Oikeus siirtää itse toimittamasi tiedot järjestelmästä toiseen (20 artikla).",
            "Oikeus tehdä valitus valvontaviranomaiselle, jos katsot, että henkilötietojesi käsittelyssä rikotaan tietosuojasäädöksiä (77 artikla).",
        ],
        supervisoryAuthority: "Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja@om.fi, www.tietosuoja.fi")

    /// The notice stored with the archive, or the standard one.
    public static func current(_ archive: ArchiveStore) throws(PrivacyError) -> RegisterNotice {
        let stored = try archiving { () throws(ArchiveError) in try archive.setting(settingKey) }
        guard let stored else { return .standard }
        do {
            return try JSONDecoder().decode(RegisterNotice.self, from: Data(stored.utf8))
        } catch {
            throw .invalid("the privacy notice stored in \(archive.path) cannot be read: \(error)")
        }
    }

    /// Reads a notice from JSON (every key required) and stores it with the archive.
    public static func store(json: Data, in archive: ArchiveStore) throws(PrivacyError) -> RegisterNotice {
        let notice: RegisterNotice
        do {
            notice = try JSONDecoder().decode(RegisterNotice.self, from: json)
        } catch {
            throw .invalid("not a privacy notice: \(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: (try? encoder.encode(notice)) ?? Data(), as: UTF8.self)
        try archiving { () throws(ArchiveError) in try archive.setSetting(settingKey, to: text) }
        return notice
    }
}
