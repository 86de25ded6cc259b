enum ErrorTemplate {
    static let name = "error"
    static let text = """
        {{<layout}}
        {{$title}}Virhe {{status}}{{/title}}
        {{$content}}
        <h1>Virhe {{status}}</h1>
        <p class="error">{{message}}</p>
        <p><a href="/">Etusivulle</a></p>
        {{/content}}
        {{/layout}}
        """
}
