enum ImportTemplate {
    static let name = "import"
    static let text = """
        {{<layout}}
        {{$title}}Tuonti{{/title}}
        {{$content}}
        <h1>Tuonti</h1>
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        {{#result}}<p id="import-result">Tuotu: {{archived}} arkistoitu, {{alreadyPresent}} jo arkistossa, {{quarantined}} karanteenissa ({{seconds}} s).</p>{{/result}}
        <form method="post" action="/imports" id="import">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="source">Lähde</label>
        <select name="source" id="source"><option value="mail">sähköposti</option><option value="helpdesk">tukipyynnöt</option><option value="calls">puhelut</option><option value="customers">asiakasrekisteri</option></select>
        <label for="path">Polku palvelimella</label> <input name="path" id="path" required size="60">
        <button type="submit">Tuo</button>
        </form>
        {{/content}}
        {{/layout}}
        """
}
