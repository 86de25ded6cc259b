enum InspectionsTemplate {
    static let name = "inspections"
    static let text = """
        {{<layout}}
        {{$title}}Tarkastuspyynnöt{{/title}}
        {{$content}}
        <h1>Tarkastuspyynnöt</h1>
        {{#overdueCount}}<p class="error" id="overdue-warning">{{overdueCount}} avointa pyyntöä on myöhässä!</p>{{/overdueCount}}
        {{#dueSoonCount}}<p class="warning" id="due-soon-warning">{{dueSoonCount}} avointa pyyntöä erääntyy 7 päivän kuluessa.</p>{{/dueSoonCount}}
        <table id="cases">
        <thead><tr><th>Nro</th><th>Asiakas</th><th>Vastaanotettu</th><th>Määräpäivä</th><th>Tila</th><th></th></tr></thead>
        <tbody>
        {{#cases}}
        <tr class="case{{#overdue}} overdue{{/overdue}}" data-status="{{status}}">
        <td><a href="/inspections/{{id}}">{{id}}</a></td>
        <td>{{#customerPath}}<a class="customer-link" href="/customers/{{customerPath}}">{{customer}}</a>{{/customerPath}}{{^customerPath}}{{customer}}{{/customerPath}}</td>
        <td>{{receivedOn}}</td><td>{{dueOn}}{{#extended}} (jatkettu){{/extended}}</td><td>{{statusLabel}}</td>
        <td>{{#overdue}}<strong class="error">Myöhässä {{overdueDays}} pv</strong>{{/overdue}}{{#dueSoon}}<span class="warning">Erääntyy pian</span>{{/dueSoon}}</td>
        </tr>
        {{/cases}}
        </tbody>
        </table>
        <h2>Avaa uusi tarkastuspyyntö</h2>
        <form method="post" action="/inspections" id="open-inspection">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <label for="customer">Asiakas (asiakastunnus, sähköposti, puhelin, asiakasnumero)</label> <input name="customer" id="customer" required>
        <label for="received">Vastaanotettu</label> <input type="date" name="received" id="received">
        <label for="channel">Kanava</label>
        <select name="channel" id="channel"><option value="email">sähköposti</option><option value="letter">kirje</option><option value="web">verkko</option><option value="phone">puhelin</option></select>
        <label for="note">Muistiinpano</label> <input name="note" id="note">
        <button type="submit">Avaa</button>
        </form>
        <h2>Tunnistetut pyynnöt ilman tapausta</h2>
        <ul id="unopened">
        {{#requests}}
        <li><a href="/interactions/{{id}}">{{subject}}</a> ({{when}}, {{customers}})
        <form method="post" action="/inspections" class="open-from-request">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="request_ref" value="{{sourceRef}}">
        <input type="hidden" name="customer" value="{{firstCustomer}}">
        <button type="submit">Avaa tapaus</button>
        </form></li>
        {{/requests}}
        </ul>
        {{/content}}
        {{/layout}}
        """
}
