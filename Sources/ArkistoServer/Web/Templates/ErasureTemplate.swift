enum ErasureTemplate {
    static let name = "erasure"
    static let text = """
        {{<layout}}
        {{$title}}Tietojen poistaminen{{/title}}
        {{$content}}
        <h1>Asiakkaan {{name}} ({{registerID}}) tietojen poistaminen</h1>
        {{#done}}
        <p id="erasure-done">Poistettu: {{removed}} tapahtumaa poistettu, {{redacted}} tapahtumaa peitetty, {{quarantined}} karanteenitietuetta poistettu.
        Rekisteritieto {{#registerRemoved}}poistettu{{/registerRemoved}}{{^registerRemoved}}säilytetty{{/registerRemoved}}.</p>
        {{#recordings}}<p>Poista tallenne myös puhelinjärjestelmästä: <code>{{.}}</code></p>{{/recordings}}
        {{/done}}
        {{^done}}
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        <p id="erasure-plan">Poisto poistaisi {{remove}} tapahtumaa, peittäisi asiakkaan tiedot {{redact}} muita koskevasta tapahtumasta ja poistaisi {{quarantined}} karanteenitietuetta. Toimintoa ei voi perua.</p>
        <form method="post" action="/customers/{{path}}/erasure" id="erasure">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <p><label for="reason">Syy</label> <input name="reason" id="reason" required size="60"></p>
        <p><label for="confirm">Vahvista kirjoittamalla asiakastunnus {{registerID}}</label> <input name="confirm" id="confirm" required autocomplete="off"></p>
        <p><button type="submit" id="erase">Poista pysyvästi</button></p>
        </form>
        {{/done}}
        {{/content}}
        {{/layout}}
        """
}
