/// Reads the messages of a ``MailSource`` one at a time, holding at most one message in memory.
///
/// ```swift
/// for source in try MailSource.discover(path) {
///     for item in MailboxReader(source) {
///         switch item {
///         case .message(let raw): ...
///         case .unreadable(let location, let reason): ...
///         }
///     }
/// }
/// ```
///
/// A reader never fails as a whole: a file it cannot read, a message over `maxMessageBytes` or
/// bytes that are not a message become ``MailboxItem/unreadable(_:reason:)`` items, and reading
/// goes on. Order is deterministic: Maildir files by name (`cur/` and `new/` merged, `tmp/` and
/// dot files never read), `.eml` files by name, mbox messages in file order.
public struct MailboxReader: IteratorProtocol, Sequence, Sendable {
    private enum Backend: Sendable {
        case files(MessageFileReader)
        case mbox(MboxReader)
        /// Held only while a reader is taken out to advance it, so that its buffers are not shared (and copied).
        case advancing
    }

    private var backend: Backend

    /// - Parameters:
    ///   - mboxFlavour: how `From ` lines inside mbox messages were escaped.
    ///   - maxMessageBytes: larger messages are reported as unreadable without being loaded.
    public init(_ source: MailSource, mboxFlavour: MboxFlavour = .mboxrd, maxMessageBytes: Int = 64 << 20) {
        switch source.format {
        case .maildir:
            backend = .files(MessageFileReader(.maildir(source.path), maxMessageBytes: maxMessageBytes))
        case .mbox:
            backend = .mbox(MboxReader(path: source.path, flavour: mboxFlavour, maxMessageBytes: maxMessageBytes))
        case .eml:
            let listing: MessageFileReader.Listing =
                FileSystem.isDirectory(source.path) ? .emlDirectory(source.path) : .singleFile(source.path)
            backend = .files(MessageFileReader(listing, maxMessageBytes: maxMessageBytes))
        }
    }

    public mutating func next() -> MailboxItem? {
        switch backend {
        case .files(var reader):
            backend = .advancing
            defer { backend = .files(reader) }
            return reader.next()
        case .mbox(var reader):
            backend = .advancing
            defer { backend = .mbox(reader) }
            return reader.next()
        case .advancing:
            return nil
        }
    }
}
