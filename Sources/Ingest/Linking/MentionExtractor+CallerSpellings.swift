import Archive

/// The spellings the helpdesk and call importers were written against. They forward to the
/// documented API; keep one set once the callers settle.
extension MentionExtractor {
    public func mention(email: String?, location: String) -> IdentifierMention? {
        mentions(email: email, location: location)
    }

    public func mention(phone: String?, location: String) -> IdentifierMention? {
        mentions(phone: phone, location: location)
    }

    public func mentions(inText text: String, role: TextRole) -> [IdentifierMention] {
        mentions(inText: text, location: role)
    }
}
