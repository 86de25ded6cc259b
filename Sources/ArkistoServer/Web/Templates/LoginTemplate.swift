enum LoginTemplate {
    static let name = "login"
    static let text = """
        {{<layout}}
        {{$title}}Kirjaudu sisään{{/title}}
        {{$content}}
        <h1>Kirjaudu sisään</h1>
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        <form method="post" action="/login" id="login">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="username">Käyttäjätunnus</label>
        <input name="username" id="username" autocomplete="username" required value="{{username}}"></p>
        <p><label for="password">Salasana</label>
        <input type="password" name="password" id="password" autocomplete="current-password" required></p>
        <p><button type="submit" id="sign-in">Kirjaudu sisään</button></p>
        </form>
        {{/content}}
        {{/layout}}
        """
}
