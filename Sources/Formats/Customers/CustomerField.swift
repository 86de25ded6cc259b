/// The things a customer list says, and the column or member names that say them: the JSON keys
/// (`customer_number`) and common English and Finnish spreadsheet headers (`Asiakasnumero`,
/// `Y-tunnus`, `Sähköposti`). Names are compared ignoring case, spaces, `_`, `-` and `.`, and
/// ä/ö/å written as a/o/a.
enum CustomerField: Hashable, Sendable, CaseIterable {
    case id, kind, name, firstName, lastName, emails, phones, customerNumber, businessID, personalID
    case address, postalCode, city, marketingConsent

    init?(columnName: String) {
        guard let field = Self.byName[Self.canonical(columnName)] else { return nil }
        self = field
    }

    /// The documented names, in the form they are compared in.
    private static let names: [CustomerField: [String]] = [
        .id: ["id", "customerid", "sourceid", "asiakasid", "tunniste", "asiakastunniste"],
        .kind: ["kind", "type", "customertype", "tyyppi", "asiakastyyppi", "laji"],
        .name: [
            "name", "fullname", "customername", "companyname", "nimi", "kokonimi", "asiakkaannimi", "asiakasnimi",
            "yrityksennimi", "toiminimi",
        ],
        .firstName: ["firstname", "givenname", "etunimi", "etunimet"],
        .lastName: ["lastname", "surname", "familyname", "sukunimi"],
        .emails: [
            "emails", "email", "emailaddress", "emailaddresses", "mail", "sahkoposti", "sahkopostiosoite",
            "sahkopostit", "sahkopostiosoitteet", "sposti",
        ],
        .phones: [
            "phones", "phone", "phonenumber", "phonenumbers", "telephone", "mobile", "mobilephone", "gsm", "puhelin",
            "puhelinnumero", "puhelinnumerot", "puh", "puhnro", "puhelinnro", "matkapuhelin",
        ],
        .customerNumber: ["customernumber", "customerno", "customernr", "asiakasnumero", "asiakasnro"],
        .businessID: ["businessid", "ytunnus", "yritystunnus"],
        .personalID: ["personalid", "personalidentitycode", "henkilotunnus", "hetu"],
        .address: ["address", "street", "streetaddress", "osoite", "katuosoite", "lahiosoite", "postiosoite"],
        .postalCode: ["postalcode", "postcode", "zip", "zipcode", "postinumero", "postinro"],
        .city: ["city", "town", "postitoimipaikka", "toimipaikka", "kaupunki", "kunta"],
        .marketingConsent: [
            "marketingconsent", "marketing", "markkinointilupa", "suoramarkkinointilupa", "markkinointisuostumus",
        ],
    ]

    private static let byName: [String: CustomerField] = {
        var table: [String: CustomerField] = [:]
        for (field, aliases) in names {
            for alias in aliases { table[alias] = field }
        }
        return table
    }()

    /// Lower case, ä/ö/å as a/o/a, only letters and digits.
    static func canonical(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "ä", "å": result.append("a")
            case "ö": result.append("o")
            default: if character.isLetter || character.isNumber { result.append(character) }
            }
        }
        return result
    }
}
