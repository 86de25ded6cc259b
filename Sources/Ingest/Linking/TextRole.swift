/// What kind of text an interaction's text is, which decides how it is read for identifiers.
public enum TextRole: String, Sendable, CaseIterable {
    /// An e-mail subject or ticket title: all the author's.
    case subject
    /// An e-mail body or ticket comment: split into the author's own text, signature and quotes.
    case body
    /// A call transcript: what the caller and the agent said.
    case transcript
    /// The text of a message attached to an e-mail (a forward, the original inside a bounce, a
    /// delivery report): someone else's words, all of it quoted.
    case forwarded
    /// The text read from an attachment (a PDF, an Office file, a text part, an image's OCR): a
    /// document, often someone else's (an invoice, a contract, a screenshot); what it names is
    /// only weak evidence.
    case attachment
}

/// Where in an interaction an identifier was found; the `location` of a mention from text.
enum TextLocation: String, Sendable {
    case subject
    case body
    case signature
    case quoted
    case transcript
    case attachment
}
