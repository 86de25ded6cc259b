enum CustomerTemplate {
    static let name = "customer"
    static let text = """
        {{<layout}}
        {{$title}}Asiakas {{name}}{{/title}}
        {{$content}}
        <h1 id="customer-name">{{name}}</h1>
        <dl class="profile">
        <dt>Asiakastunnus</dt><dd id="register-id">{{registerID}}</dd>
        <dt>Tyyppi</dt><dd>{{kindLabel}}</dd>
        {{#address}}<dt>Osoite</dt><dd>{{address}}</dd>{{/address}}
        {{#consentLabel}}<dt>Markkinointilupa</dt><dd>{{consentLabel}}</dd>{{/consentLabel}}
        </dl>
        <h2>Tunnisteet</h2>
        <ul id="identifiers">
        {{#identifiers}}<li data-kind="{{kind}}">{{label}}: {{value}}</li>{{/identifiers}}
        </ul>
        <h2>Tapahtumat</h2>
        <p id="timeline-summary">{{count}} tapahtumaa, {{complaints}} reklamaatiota</p>
        <ol id="timeline">
        {{#events}}
        <li class="event{{#isComplaint}} complaint{{/isComplaint}}" data-kind="{{kind}}">
        <span class="when">{{when}}</span> <span class="kind">{{kindLabel}}</span>
        <a href="/interactions/{{id}}">{{subject}}</a>
        {{#isComplaint}}<strong class="flag">Reklamaatio</strong>{{/isComplaint}}
        {{#isInspectionRequest}}<strong class="flag">Tarkastuspyyntö</strong>{{/isInspectionRequest}}
        {{#shared}}<span class="flag">yhteinen tunniste</span>{{/shared}}
        </li>
        {{/events}}
        </ol>
        {{#chrome.isOfficer}}
        <section id="privacy-actions">
        <h2>Tietosuoja</h2>
        <form method="post" action="/inspections" id="open-inspection">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="customer" value="{{registerID}}">
        <label for="received">Tarkastuspyyntö vastaanotettu</label> <input type="date" name="received" id="received" required>
        <label for="channel">Kanava</label>
        <select name="channel" id="channel"><option value="email">sähköposti</option><option value="letter">kirje</option><option value="web">verkko</option><option value="phone">puhelin</option></select>
        <button type="submit">Avaa tarkastuspyyntö</button>
        </form>
        <p><a id="erasure-link" href="/customers/{{path}}/erasure">Asiakkaan tietojen poistaminen…</a></p>
        </section>
        {{/chrome.isOfficer}}
        {{/content}}
        {{/layout}}
        """
}
