enum SearchTemplate {
    static let name = "search"
    static let text = """
        {{<layout}}
        {{$title}}Haku{{/title}}
        {{$content}}
        <h1>Haku</h1>
        <form method="get" action="/search" id="search">
        <p><label for="q">Hakulauseke</label>
        <input name="q" id="q" type="search" value="{{q}}" size="60" autofocus>
        <button type="submit">Hae</button></p>
        <p class="filters">
        <label for="kind">Kanava</label>
        <select name="kind" id="kind">
        {{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}
        </select>
        <label for="from">Alkaen</label> <input type="date" name="from" id="from" value="{{from}}">
        <label for="to">Päättyen</label> <input type="date" name="to" id="to" value="{{to}}">
        <label><input type="checkbox" name="complaint" id="complaint" value="1"{{#complaint}} checked{{/complaint}}> Vain reklamaatiot</label>
        </p>
        </form>
        {{#error}}<p class="error">{{error}}</p>{{#pointer}}<pre class="pointer">{{pointer}}</pre>{{/pointer}}{{/error}}
        {{#searched}}
        <p id="total">{{totalText}}</p>
        <ol id="results" start="{{start}}">
        {{#hits}}
        <li class="hit{{#isComplaint}} complaint{{/isComplaint}}" data-kind="{{kind}}">
        <a class="hit-link" href="/interactions/{{id}}">{{subject}}</a>
        <span class="meta">{{kindLabel}} · {{when}}{{#isComplaint}} · <strong>Reklamaatio</strong>{{/isComplaint}}</span>
        <p class="snippet">{{#snippetAttachment}}<span class="snippet-attachment">{{snippetAttachment}}:</span> {{/snippetAttachment}}{{{snippetHTML}}}</p>
        {{#hasCustomers}}<p class="customers">Asiakas: {{#customers}}<a class="customer-link" href="/customers/{{path}}">{{name}}</a> {{/customers}}</p>{{/hasCustomers}}
        </li>
        {{/hits}}
        </ol>
        <p class="paging">
        {{#prevHref}}<a id="prev" href="{{prevHref}}">Edellinen</a>{{/prevHref}}
        {{#nextHref}}<a id="next" href="{{nextHref}}">Seuraava</a>{{/nextHref}}
        </p>
        {{/searched}}
        {{^searched}}{{^error}}
        <section class="help">
        <h2>Hakuohje</h2>
        <p>Sanat, "fraasi", <code>lasku*</code>, <code>-pois</code>, <code>OR</code>, sulkeet ja kentät:
        <code>from:</code> <code>to:</code> <code>subject:</code> <code>body:</code> <code>attachment:</code> <code>filename:</code> <code>customer:</code> <code>kind:email|ticket|call</code>
        <code>is:complaint</code> <code>has:attachment</code> <code>date:2025-01-01..2025-03-31</code>.</p>
        <p><code>subject:</code>, <code>body:</code> ja <code>attachment:</code> rajaavat sanan otsikkoon,
        viestin tekstiin tai liitteisiin (myös edelleen lähetettyihin viesteihin)
        (<code>body:lasku*</code>, <code>body:"laskun eräpäivä"</code>, <code>body:(lasku OR hyvitys)</code>);
        <code>from:</code> ja <code>to:</code> (myös kopio) osoitteeseen, verkkotunnukseen (<code>@example.fi</code>)
        tai nimen alkuun. <code>filename:</code> hakee liitteen tiedostonimen sanaa isoista ja pienistä
        kirjaimista ja ä- ja ö-kirjaimista välittämättä (<code>filename:pdf</code> tiedostopäätteen,
        <code>filename:lasku*</code> alun, <code>filename:(lasku OR sopimus)</code>). Liitteen tekstistä
        otetun otteen edessä on liitteen nimi. Pelkästään lähettäjän tai vastaanottajan nimestä löytyneet osumat näytetään
        viimeisinä.</p>
        <p>Sana löytää taivutusmuotonsa ja yhdyssanat, joiden loppuosa se on (<code>lasku</code> löytää
        <code>puhelinlaskusta</code>); <code>lähde*</code> löytää myös yhdyssanat, jotka alkavat sillä
        (<code>lähdekoodi</code>). Ilman ä- ja ö-kirjaimia kirjoitettu sana löytää myös ne
        (<code>virheilta</code> → <code>virheiltä</code>).</p>
        </section>
        {{/error}}{{/searched}}
        {{/content}}
        {{/layout}}
        """
}
