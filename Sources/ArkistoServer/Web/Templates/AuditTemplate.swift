enum AuditTemplate {
    static let name = "audit"
    static let text = """
        {{<layout}}
        {{$title}}Lokitiedot{{/title}}
        {{$content}}
        <h1>Lokitiedot</h1>
        <form method="get" action="/audit" id="audit-filter">
        <label for="customer">Asiakas</label> <input name="customer" id="customer" value="{{customer}}">
        <label for="since">Alkaen</label> <input type="date" name="since" id="since" value="{{since}}">
        <button type="submit">Näytä</button>
        </form>
        <p id="total">{{count}} merkintää{{#truncated}} (näytetään uusimmat {{shown}}){{/truncated}}</p>
        <table id="audit">
        <thead><tr><th>Aika</th><th>Käyttäjä</th><th>Toiminto</th><th>Asiakkaat</th><th>Pyyntö</th><th>Tuloksia</th></tr></thead>
        <tbody>
        {{#entries}}
        <tr class="entry" data-action="{{action}}"><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{customers}}</td><td>{{request}}</td><td>{{results}}</td></tr>
        {{/entries}}
        </tbody>
        </table>
        {{/content}}
        {{/layout}}
        """
}
