enum ImportTemplate {
    static let name = "import"
    static let text = """
        {{<layout}}
        {{$title}}Tuonti{{/title}}
        {{$content}}
        <h1>Tuonti</h1>
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        <form method="post" action="/imports" id="import">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="source">Lähde</label>
        <select name="source" id="source"><option value="mail">sähköposti</option><option value="helpdesk">tukipyynnöt</option><option value="calls">puhelut</option><option value="customers">asiakasrekisteri</option></select>
        <label for="path">Polku tuontikansiossa</label> <input name="path" id="path" required size="60">
        <button type="submit">Tuo</button>
        </form>
        <table id="import-jobs">
        <thead><tr><th>Tuonti</th><th>Lähde</th><th>Polut</th><th>Tila</th><th>Arkistoitu</th><th>Karanteenissa</th></tr></thead>
        <tbody>
        {{#jobs}}
        <tr><td><a href="/imports/{{id}}">{{id}}</a></td><td>{{source}}</td><td>{{paths}}</td><td>{{state}}</td><td>{{progress.archived}}</td><td>{{progress.quarantined}}</td></tr>
        {{/jobs}}
        </tbody>
        </table>
        {{/content}}
        {{/layout}}
        """
}

/// One import job: state, progress, result; the page reloads itself until the job is done.
enum ImportJobTemplate {
    static let name = "import-job"
    static let text = """
        {{<layout}}
        {{$title}}Tuonti {{job.id}}{{/title}}
        {{$refresh}}{{^job.done}}<meta http-equiv="refresh" content="2">{{/job.done}}{{/refresh}}
        {{$content}}
        <h1>Tuonti {{job.id}}</h1>
        <dl id="import-job" data-state="{{job.state}}">
        <dt>Lähde</dt><dd>{{job.source}}</dd>
        <dt>Polut</dt><dd>{{job.paths}}</dd>
        <dt>Pyytäjä</dt><dd>{{job.requestedBy}}</dd>
        <dt>Tila</dt><dd id="state">{{job.state}}{{#job.progress.percent}} ({{job.progress.percent}} %){{/job.progress.percent}}</dd>
        <dt>Aloitettu</dt><dd>{{job.startedAt}}</dd>
        <dt>Valmis</dt><dd>{{job.finishedAt}}</dd>
        <dt>Arkistoitu</dt><dd id="archived">{{job.progress.archived}}</dd>
        <dt>Jo arkistossa</dt><dd id="already-present">{{job.progress.alreadyPresent}}</dd>
        <dt>Päivitetty</dt><dd id="updated">{{job.progress.updated}}</dd>
        <dt>Karanteenissa</dt><dd id="quarantined">{{job.progress.quarantined}}</dd>
        </dl>
        {{#job.result}}<p id="import-result">Tuotu: {{archived}} arkistoitu, {{alreadyPresent}} jo arkistossa, {{updated}} päivitetty, {{quarantined}} karanteenissa ({{seconds}} s).</p>{{/job.result}}
        {{#job.error}}<p class="error">{{job.error}}</p>{{/job.error}}
        <p><a href="/imports">Kaikki tuonnit</a></p>
        {{/content}}
        {{/layout}}
        """
}
