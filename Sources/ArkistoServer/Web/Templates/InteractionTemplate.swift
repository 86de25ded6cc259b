enum InteractionTemplate {
    static let name = "interaction"
    static let text = """
        {{<layout}}
        {{$title}}{{subject}}{{/title}}
        {{$content}}
        <article id="interaction" data-kind="{{kind}}">
        <h1 id="subject">{{subject}}</h1>
        {{#isComplaint}}<p class="flag"><strong>Reklamaatio</strong></p>{{/isComplaint}}
        {{#isInspectionRequest}}<p class="flag"><strong>Tarkastuspyyntö</strong></p>{{/isInspectionRequest}}
        <dl id="headers">
        <dt>Kanava</dt><dd>{{kindLabel}}</dd>
        <dt>Aika</dt><dd>{{when}}</dd>
        <dt>Suunta</dt><dd>{{directionLabel}}</dd>
        {{#participants}}<dt>{{roleLabel}}</dt><dd>{{text}}</dd>{{/participants}}
        <dt>Viite</dt><dd><code>{{sourceRef}}</code></dd>
        {{#ticket}}<dt>Tiketti</dt><dd>{{ticketID}} ({{ticketSubject}}), viesti {{number}}, {{authorRole}}{{#status}}, tila {{status}}{{/status}}</dd>{{/ticket}}
        {{#call}}<dt>Puhelu</dt><dd>{{caller}} → {{callee}}, {{disposition}}, {{duration}} s</dd>{{/call}}
        </dl>
        {{#hasCustomers}}
        <p class="customers">Asiakas: {{#customers}}<a class="customer-link" href="/customers/{{path}}">{{name}}</a> {{/customers}}</p>
        {{/hasCustomers}}
        {{#hasWeakCustomers}}
        <p class="weak-customers">Heikko yhteys (tarkistettava): {{#weakCustomers}}<a class="weak-customer-link" href="/customers/{{path}}">{{name}}</a> {{/weakCustomers}}</p>
        {{/hasWeakCustomers}}
        {{#isCall}}
        <section id="transcript">
        <h2>Litterointi</h2>
        {{#hasBody}}<pre id="body">{{body}}</pre>{{/hasBody}}
        {{^hasBody}}<p>Puhelusta ei ole litterointia.</p><pre id="body"></pre>{{/hasBody}}
        {{#call.hasTranscript}}<p><a id="transcript-download" href="/interactions/{{id}}/transcript">Lataa litterointi (WebVTT)</a></p>{{/call.hasTranscript}}
        {{#call.hasRecording}}<p><a id="recording-download" href="/interactions/{{id}}/recording">Lataa tallenne</a>{{#call.audio}} ({{call.audio}}){{/call.audio}}</p>{{/call.hasRecording}}
        </section>
        {{/isCall}}
        {{^isCall}}
        <h2>Viesti</h2>
        <pre id="body">{{body}}</pre>
        {{/isCall}}
        <h2>Liitteet</h2>
        <ul id="attachments">
        {{#attachments}}
        <li class="attachment">{{#downloadable}}<a class="attachment-link" href="/interactions/{{id}}/attachments/{{index}}">{{filename}}</a>{{/downloadable}}{{^downloadable}}{{filename}} (ei tallennettu){{/downloadable}} – {{contentType}}, {{size}} tavua
        {{#sha256}}<br><span class="sha256">SHA-256 <code>{{sha256}}</code></span>{{/sha256}}
        {{#hasProblems}}<ul class="attachment-problems">{{#problems}}<li>Ei voitu lukea: {{line}}</li>{{/problems}}</ul>{{/hasProblems}}
        {{#hasText}}<details class="attachment-text"><summary>Liitteen teksti ({{textSourceLabel}})</summary><pre>{{text}}</pre></details>{{/hasText}}
        </li>
        {{/attachments}}
        </ul>
        </article>
        {{/content}}
        {{/layout}}
        """
}
