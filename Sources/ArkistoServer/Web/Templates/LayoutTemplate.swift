/// The frame of every page: title, navigation for the signed-in user's role, sign-out form.
/// Pages fill `{{$title}}` and `{{$content}}`. Everything is escaped (`{{x}}`).
enum LayoutTemplate {
    static let name = "layout"
    static let text = """
        <!DOCTYPE html>
        <html lang="fi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{$title}}Arkisto{{/title}} – Arkisto</title>
        <link rel="stylesheet" href="/static/app.css">
        {{$refresh}}{{/refresh}}
        </head>
        <body>
        <header>
        <nav id="nav">
        <a class="brand" href="/">Arkisto</a>
        {{#chrome}}
        <a href="/">Haku</a>
        <a href="/complaints">Reklamaatiot</a>
        {{#isOfficer}}
        <a href="/inspections">Tarkastuspyynnöt</a>
        <a href="/audit">Lokitiedot</a>
        {{/isOfficer}}
        {{#isAdmin}}
        <a href="/imports">Tuonti</a>
        <a href="/sign-in-locks">Lukitukset</a>
        <a href="/sources">Lähteet</a>
        {{/isAdmin}}
        <span class="who"><span id="user">{{userName}}</span> ({{roleName}})</span>
        <form method="post" action="/logout" id="logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">Kirjaudu ulos</button>
        </form>
        {{/chrome}}
        </nav>
        </header>
        <main>
        {{$content}}{{/content}}
        </main>
        </body>
        </html>

        """
}
