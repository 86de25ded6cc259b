enum InspectionTemplate {
    static let name = "inspection"
    static let text = """
        {{<layout}}
        {{$title}}Tarkastuspyyntö {{#summary}}{{id}}{{/summary}}{{/title}}
        {{$content}}
        {{#summary}}
        <h1 id="case-title">Tarkastuspyyntö {{id}}</h1>
        {{#overdue}}<p class="error" id="overdue-warning">Määräaika {{dueOn}} on ylitetty {{overdueDays}} päivällä.</p>{{/overdue}}
        <dl id="case">
        <dt>Asiakas</dt><dd>{{#customerPath}}<a class="customer-link" href="/customers/{{customerPath}}">{{customer}}</a>{{/customerPath}}{{^customerPath}}{{customer}}{{/customerPath}}</dd>
        <dt>Vastaanotettu</dt><dd>{{receivedOn}} ({{channel}})</dd>
        <dt>Määräpäivä</dt><dd id="due">{{dueOn}}</dd>
        <dt>Tila</dt><dd id="status" data-status="{{status}}">{{statusLabel}}</dd>
        {{#extensionReason}}<dt>Jatkon syy</dt><dd>{{extensionReason}} ({{extensionMonths}} kk)</dd>{{/extensionReason}}
        {{#statusReason}}<dt>Syy</dt><dd>{{statusReason}}</dd>{{/statusReason}}
        {{#note}}<dt>Muistiinpano</dt><dd>{{note}}</dd>{{/note}}
        <dt>Avannut</dt><dd>{{openedBy}}, {{openedAt}}</dd>
        {{#reportWrittenAt}}<dt>Raportti</dt><dd>{{reportWrittenAt}}</dd>{{/reportWrittenAt}}
        </dl>
        {{#isOpen}}
        <h2>Toimenpiteet</h2>
        {{#canVerify}}
        <form method="post" action="/inspections/{{id}}/verify" id="verify"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit">Henkilöllisyys tarkistettu</button></form>
        {{/canVerify}}
        <form method="post" action="/inspections/{{id}}/report" id="report"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit">Muodosta ja lataa raportti (tar)</button></form>
        <form method="post" action="/inspections/{{id}}/extend" id="extend"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="reason-extend">Jatkon syy</label> <input name="reason" id="reason-extend" required>
        <label for="months">Kuukautta</label> <select name="months" id="months"><option value="1">1</option><option value="2">2</option></select>
        <button type="submit">Jatka määräaikaa</button></form>
        <form method="post" action="/inspections/{{id}}/deliver" id="deliver"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit">Raportti toimitettu (sulje)</button></form>
        <form method="post" action="/inspections/{{id}}/reject" id="reject"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="reason-reject">Hylkäyksen syy</label> <input name="reason" id="reason-reject" required>
        <button type="submit">Hylkää (sulje)</button></form>
        {{/isOpen}}
        {{^isOpen}}
        <form method="post" action="/inspections/{{id}}/report" id="report"><input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit">Lataa raportti (tar)</button></form>
        {{/isOpen}}
        <h2>Heikot yhteydet tarkistettavaksi</h2>
        <p>{{pendingCount}} odottaa päätöstä.</p>
        <table id="reviews">
        <thead><tr><th>Aika</th><th>Viesti</th><th>Peruste</th><th>Päätös</th><th></th></tr></thead>
        <tbody>
        {{#reviews}}
        <tr class="review" data-decision="{{decision}}">
        <td>{{when}}</td><td><a href="/interactions/{{interactionID}}">{{subject}}</a></td><td>{{basis}}</td><td>{{decisionLabel}}</td>
        <td><form method="post" action="/inspections/{{id}}/reviews" class="decide">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}"><input type="hidden" name="ref" value="{{sourceRef}}">
        <button type="submit" name="decision" value="include">Sisällytä</button>
        <button type="submit" name="decision" value="exclude">Jätä pois</button>
        </form></td>
        </tr>
        {{/reviews}}
        </tbody>
        </table>
        {{/summary}}
        {{/content}}
        {{/layout}}
        """
}
