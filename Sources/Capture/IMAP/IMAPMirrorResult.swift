/// What one mirror run left in the staging Maildir.
public struct IMAPMirrorResult: Sendable, Equatable {
    /// Messages in the staging Maildir (`new/` and `cur/`) after the run.
    public var messagesInMirror: Int
    /// Messages the run added.
    public var newMessages: Int

    public init(messagesInMirror: Int, newMessages: Int) {
        self.messagesInMirror = messagesInMirror
        self.newMessages = newMessages
    }
}
