enum ComplaintsTemplate {
    static let name = "complaints"
    static let text = """
        {{<layout}}
        {{$title}}Reklamaatiot{{/title}}
        {{$content}}
        <h1>Reklamaatiot</h1>
        <form method="get" action="/complaints" id="complaints-filter">
        <label for="since">Alkaen</label> <input type="date" name="since" id="since" value="{{since}}">
        <button type="submit">Näytä</button>
        </form>
        <p id="total">{{count}} reklamaatiota</p>
        <ol id="complaints">
        {{#items}}
        <li class="event complaint" data-kind="{{kind}}"><span class="when">{{when}}</span> <span class="kind">{{kindLabel}}</span>
        <a href="/interactions/{{id}}">{{subject}}</a></li>
        {{/items}}
        </ol>
        {{/content}}
        {{/layout}}
        """
}
