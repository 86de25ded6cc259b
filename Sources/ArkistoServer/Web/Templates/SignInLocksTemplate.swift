/// Accounts and client addresses locked out of signing in, each with an unlock button (admins).
enum SignInLocksTemplate {
    static let name = "sign-in-locks"
    static let text = """
        {{<layout}}
        {{$title}}Lukitukset{{/title}}
        {{$content}}
        <h1>Kirjautumislukitukset</h1>
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        <table id="sign-in-locks">
        <thead><tr><th>Tyyppi</th><th>Tunnus tai osoite</th><th>Epäonnistumisia</th><th>Lukittu asti</th><th></th></tr></thead>
        <tbody>
        {{#locks}}
        <tr class="lock" data-kind="{{kind}}"><td>{{kind}}</td><td class="name">{{name}}</td><td>{{failures}}</td><td>{{lockedUntil}}</td>
        <td><form method="post" action="/sign-in-locks/unlock"><input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="kind" value="{{kind}}"><input type="hidden" name="name" value="{{name}}"><button type="submit">Poista lukitus</button></form></td></tr>
        {{/locks}}
        </tbody>
        </table>
        {{^locks}}<p id="no-locks">Ei lukituksia.</p>{{/locks}}
        {{/content}}
        {{/layout}}
        """
}
