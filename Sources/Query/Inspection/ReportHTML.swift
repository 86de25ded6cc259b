import Archive

/// Renders a report as one printable Finnish HTML page for the data subject.
struct ReportHTML {
    var report: InspectionReport

    func render() -> String {
        var page = HTMLPage()
        page.raw("""
            <!DOCTYPE html>
            <html lang="fi">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Tarkastuspyyntö \(report.request.caseID): rekisteröidyn tiedot</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; line-height: 1.45; color: #111; }
            h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #999; } h3 { margin-top: 1.4rem; }
            table { border-collapse: collapse; margin: .5rem 0; } th, td { text-align: left; vertical-align: top; padding: .2rem .8rem .2rem 0; }
            .event { border-left: 3px solid #ccc; padding-left: .8rem; margin: 1rem 0; page-break-inside: avoid; }
            .body { white-space: pre-wrap; font-family: inherit; background: #f6f6f6; padding: .5rem; }
            .meta { color: #444; font-size: .9rem; }
            @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
            </style>
            </head>
            <body>

            """)
        header(&page)
        controller(&page)
        summary(&page)
        registerData(&page)
        events(&page)
        processing(&page)
        page.raw("</body>\n</html>\n")
        return page.html
    }

    private func header(_ page: inout HTMLPage) {
        let r = report.request
        page.element("h1", "Vastaus tarkastuspyyntöön: sinua koskevat tiedot")
        page.raw("<table>\n")
        page.row("Asia", "Tarkastuspyyntö nro \(r.caseID) (EU:n yleisen tietosuoja-asetuksen 15 artikla)")
        page.row("Pyyntö vastaanotettu", r.receivedOn.finnish)
        page.row("Vastattava viimeistään", r.dueOn.finnish)
        if r.extensionMonths > 0 {
            page.row("Määräaikaa jatkettu", "\(r.extensionMonths) kk: \(r.extensionReason ?? "")")
        }
        page.row("Raportti laadittu", report.generatedAt)
        page.raw("</table>\n")
        let redacted = report.redactions.total
        page.element("p", "Tähän raporttiin on koottu kaikki tiedot, jotka rekisteriin on tallennettu sinusta. "
            + "Muiden henkilöiden henkilötiedot (nimet, sähköpostiosoitteet, puhelinnumerot, henkilötunnukset ja "
            + "asiakasnumerot) on poistettu viestien tekstistä\(redacted > 0 ? " (\(redacted) kohtaa)" : ""). "
            + "Kansiossa originals/ ovat lähettämiesi ja vastaanottamiesi viestien ja puheluiden alkuperäiset tiedostot; "
            + "niiden SHA-256-tarkisteet ovat tiedostossa originals/manifest.json.")
    }

    private func controller(_ page: inout HTMLPage) {
        let n = report.notice
        page.element("h2", "Rekisterinpitäjä")
        page.raw("<table>\n")
        page.row("Rekisterinpitäjä", n.controllerName)
        page.row("Yhteystiedot", n.controllerContact)
        page.row("Tietosuojavastaava", n.dataProtectionOfficer)
        page.row("Rekisteri", n.registerName)
        page.raw("</table>\n")
    }

    private func summary(_ page: inout HTMLPage) {
        let s = report.summary
        page.element("h2", "Yhteenveto")
        page.raw("<table>\n")
        page.row("Sähköpostiviestit", "\(s.emails) (joista lähettämiäsi \(s.emailsFromSubject))")
        page.row("Tukipyyntöjen viestit", "\(s.ticketMessages)")
        page.row("Puhelut", "\(s.calls) (tallenteita \(s.recordings), litterointeja \(s.transcripts))")
        page.row("Reklamaatioiksi luokitellut", "\(s.complaints)")
        page.row("Tarkastuspyynnöiksi luokitellut", "\(s.inspectionRequests)")
        page.row("Ajanjakso", [s.first, s.last].compactMap { $0 }.map { String($0.prefix(10)) }.joined(separator: " – "))
        page.row("Alkuperäisiä tiedostoja", "\(s.originalsCopied)")
        page.row("Muiden henkilöiden tietoja poistettu", "\(s.redacted) kohtaa")
        page.raw("</table>\n")
    }

    private func registerData(_ page: inout HTMLPage) {
        let s = report.subject
        page.element("h2", "Tiedot rekisterin tietoryhmittäin")
        page.element("h3", "Yhteystiedot")
        page.raw("<table>\n")
        page.row("Nimi", s.name)
        page.row("Asiakastyyppi", s.kind == .company ? "yritys" : "henkilö")
        page.row("Osoite", s.address ?? "(ei tallennettu)")
        page.row("Sähköpostiosoitteet", s.emails.isEmpty ? "(ei tallennettu)" : s.emails.joined(separator: ", "))
        page.row("Puhelinnumerot", s.phones.isEmpty ? "(ei tallennettu)" : s.phones.joined(separator: ", "))
        page.raw("</table>\n")
        page.element("h3", "Tunnisteet")
        page.raw("<table>\n")
        page.row("Asiakastunnus rekisterissä", s.registerID)
        page.row("Asiakasnumero", s.customerNumber ?? "(ei tallennettu)")
        if let businessID = s.businessID { page.row("Y-tunnus", businessID) }
        page.row("Henkilötunnus", s.personalIDHeld
            ? "Tallennettu vain salattuna tiivisteenä tunnistamista varten; sitä ei voi palauttaa selväkieliseksi."
            : "(ei tallennettu)")
        page.raw("</table>\n")
        page.element("h3", "Markkinointiluvat ja -kiellot")
        let marketing = switch s.marketingConsent {
        case true?: "Olet antanut luvan suoramarkkinointiin."
        case false?: "Olet kieltänyt suoramarkkinoinnin."
        case nil: "Rekisterissä ei ole tallennettua suoramarkkinointivalintaa."
        }
        page.element("p", marketing)
    }

    private func events(_ page: inout HTMLPage) {
        page.element("h2", "Asiakaspalvelutapahtumat")
        let groups: [(InteractionKind, String)] = [(.email, "Sähköpostit"), (.ticket, "Tukipyyntöjen viestit"), (.call, "Puhelut")]
        for (kind, title) in groups {
            let items = report.interactions.filter { $0.kind == kind }
            page.element("h3", "\(title) (\(items.count))")
            if items.isEmpty { page.element("p", "Ei tapahtumia.") }
            for item in items { event(item, into: &page) }
        }
    }

    private func event(_ item: ReportInteraction, into page: inout HTMLPage) {
        page.raw("<div class=\"event\">\n")
        page.element("h4", item.subject.isEmpty ? "(ei otsikkoa)" : item.subject)
        var meta = [item.occurredAt ?? "(ei aikaa)", direction(item)]
        if item.isComplaint { meta.append("reklamaatio") }
        if item.isInspectionRequest { meta.append("tarkastuspyyntö") }
        page.element("p", meta.joined(separator: " · "), class: "meta")
        page.raw("<table>\n")
        for p in item.participants {
            page.row(role(p.role), [p.name, p.address].compactMap { $0 }.joined(separator: " "))
        }
        if let ticket = item.ticket {
            page.row("Tukipyyntö", "\(ticket.ticketID), viesti \(ticket.commentNumber)\(ticket.isPublic ? "" : " (sisäinen merkintä)")")
        }
        if let call = item.call {
            page.row("Puhelu", "kesto \(call.durationSeconds) s, puheaika \(call.billableSeconds) s, \(call.disposition)")
            if let recording = call.recording { file("Tallenne", recording, into: &page) }
            if let transcript = call.transcript { file("Litterointi", transcript, into: &page) }
        }
        for attachment in item.attachments {
            let digest = attachment.sha256.map { ", SHA-256 \($0)" } ?? ""
            page.row("Liite", "\(attachment.filename ?? "(nimetön)") (\(attachment.contentType), \(attachment.size) tavua\(digest))")
        }
        if let original = item.original { file("Alkuperäinen", original, into: &page) }
        page.row("Tunnistettu", evidence(item.link))
        page.raw("</table>\n")
        if !item.body.isEmpty { page.element("div", item.body, class: "body") }
        for attachment in item.attachments {
            guard let text = attachment.text else { continue }
            page.raw("<details class=\"attachment-text\"><summary>")
            page.raw(HTMLEscape.text("Liitteen \(attachment.filename ?? "(nimetön)") teksti"))
            page.raw("</summary>\n")
            page.element("div", text, class: "body")
            page.raw("</details>\n")
        }
        page.raw("</div>\n")
    }

    private func file(_ label: String, _ file: ReportFile, into page: inout HTMLPage) {
        page.raw("<tr><th>" + HTMLEscape.text(label) + "</th><td>")
        switch file.state {
        case .copied:
            if let path = file.path { page.link(path, to: path) }
        case .missing: page.raw(HTMLEscape.text("tiedostoa ei löytynyt arkistoinnin jälkeen"))
        case .changed: page.raw(HTMLEscape.text("tiedosto on muuttunut arkistoinnin jälkeen; sitä ei liitetty"))
        case .notCopied: page.raw(HTMLEscape.text("ei liitetty (et ole lähettäjä etkä vastaanottaja)"))
        }
        page.raw("</td></tr>\n")
    }

    private func direction(_ item: ReportInteraction) -> String {
        switch (item.kind, item.direction) {
        case (.call, .inbound): "saapuva puhelu"
        case (.call, .outbound): "lähtevä puhelu"
        case (_, .inbound): "saapunut yritykselle"
        case (_, .outbound): "yrityksen lähettämä"
        case (_, .unknown): "suunta ei tiedossa"
        }
    }

    private func role(_ role: ParticipantRole) -> String {
        switch role {
        case .from: "Lähettäjä"
        case .to: "Vastaanottaja"
        case .cc: "Kopio"
        case .bcc: "Piilokopio"
        case .replyTo: "Vastausosoite"
        }
    }

    private func evidence(_ link: ReportLink) -> String {
        let kinds = Set(link.evidence.map(\.kind)).map { kind -> String in
            switch kind {
            case .email: "sähköpostiosoite"
            case .phone: "puhelinnumero"
            case .customerNumber: "asiakasnumero"
            case .businessID: "Y-tunnus"
            case .personalID: "henkilötunnus"
            }
        }.sorted()
        var text = kinds.isEmpty ? "nimesi viestin tekstissä" : "tunnisteesi: " + kinds.joined(separator: ", ")
        if link.shared { text += " (tunniste on yhteinen toisen asiakkaan kanssa)" }
        if link.confirmedOnReview { text += "; yhteys vahvistettu tarkistuksessa" }
        return text
    }

    private func processing(_ page: inout HTMLPage) {
        let n = report.notice
        page.element("h2", "Tietoja käsittelystä (tietosuoja-asetuksen 15 artikla)")
        page.element("h3", "Käsittelyn tarkoitukset")
        page.list(n.purposes)
        page.element("h3", "Käsittelyn oikeusperuste")
        page.list(n.legalBases)
        page.element("h3", "Vastaanottajat")
        page.list(n.recipients)
        page.element("h3", "Siirrot EU:n ja ETA:n ulkopuolelle")
        page.element("p", n.transfers)
        page.element("h3", "Säilytysaika")
        page.element("p", n.retention)
        page.element("h3", "Mistä tiedot saadaan")
        page.list(n.sources)
        page.element("h3", "Automaattinen päätöksenteko")
        page.element("p", n.automatedDecisions)
        page.element("h3", "Oikeutesi")
        page.list(n.rights)
        page.element("h3", "Valvontaviranomainen")
        page.element("p", n.supervisoryAuthority)
    }
}
