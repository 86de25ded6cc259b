/// The capture sources and how each is doing (admins); every value is escaped, the last error
/// included (it may quote a file name or a server's reply).
enum SourcesTemplate {
    static let name = "sources"
    static let text = """
        {{<layout}}
        {{$title}}Lähteet{{/title}}
        {{$refresh}}<meta http-equiv="refresh" content="30">{{/refresh}}
        {{$content}}
        <h1>Jatkuvan tallennuksen lähteet</h1>
        <table id="sources">
        <thead><tr><th>Lähde</th><th>Tyyppi</th><th>Sijainti</th><th>Viimeksi onnistunut</th><th>Viimeisin virhe</th><th>Epäonnistumisia</th><th>Viive</th><th>Tietuetta/min</th><th>Arkistoitu</th><th>Päivitetty</th><th>Karanteenissa</th></tr></thead>
        <tbody>
        {{#sources}}
        <tr class="source{{#failing}} failing{{/failing}}" data-name="{{name}}"><td class="name">{{name}}</td><td class="kind">{{kind}}</td><td class="location">{{location}}</td><td class="last-success">{{lastSuccess}}</td>
        <td class="last-error">{{#lastError}}{{lastError}} ({{lastErrorAt}}){{/lastError}}</td><td class="failures">{{failures}}</td><td class="lag">{{lag}}</td><td class="rate">{{itemsPerMinute}}</td>
        <td class="archived">{{archived}}</td><td class="updated">{{updated}}</td><td class="quarantined">{{quarantined}}</td></tr>
        {{/sources}}
        </tbody>
        </table>
        {{^sources}}<p id="no-sources">Ei lähteitä. Lisää lähde komennolla <code>arkisto sources add maildir|imap|helpdesk|calls NIMI …</code>.</p>{{/sources}}
        {{/content}}
        {{/layout}}
        """
}
