import HTTPTypes
import Hummingbird
import Mustache

/// The page templates (Swift string constants, so the binary needs no resource files), parsed
/// once at start. `{{x}}` escapes HTML by Unicode scalars (``ScalarHTMLContentType``); the only
/// unescaped values are snippets the server built from escaped text (``SnippetHTML``).
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() throws {
        MustacheContentTypes.register(ScalarHTMLContentType(), named: ScalarHTMLContentType.name)
        var library = MustacheLibrary()
        let templates: [(String, String)] = [
            (LayoutTemplate.name, LayoutTemplate.text), (LoginTemplate.name, LoginTemplate.text),
            (ErrorTemplate.name, ErrorTemplate.text), (SearchTemplate.name, SearchTemplate.text),
            (CustomerTemplate.name, CustomerTemplate.text), (InteractionTemplate.name, InteractionTemplate.text),
            (ComplaintsTemplate.name, ComplaintsTemplate.text),
            (InspectionsTemplate.name, InspectionsTemplate.text), (InspectionTemplate.name, InspectionTemplate.text),
            (AuditTemplate.name, AuditTemplate.text), (ErasureTemplate.name, ErasureTemplate.text),
            (ImportTemplate.name, ImportTemplate.text), (ImportJobTemplate.name, ImportJobTemplate.text),
            (SignInLocksTemplate.name, SignInLocksTemplate.text), (SourcesTemplate.name, SourcesTemplate.text),
        ]
        for (name, text) in templates {
            // Each template, the layout included, selects the content type itself: an inherited
            // template is rendered with swift-mustache's default HTML escaping otherwise.
            try library.register(ScalarHTMLContentType.pragma + text, named: name)
        }
        self.library = library
    }

    /// A page as a response.
    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        Responses.html(library.render(view, withTemplate: template) ?? "", status: status)
    }

    func errorPage(status: HTTPResponse.Status, message: String, chrome: PageChrome?) -> Response {
        page(ErrorTemplate.name, ErrorView(chrome: chrome, status: status.code, message: message), status: status)
    }
}

struct ErrorView {
    var chrome: PageChrome?
    var status: Int
    var message: String
}
