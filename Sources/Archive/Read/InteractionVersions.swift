/// Versions of one interaction: a ticket comment edited in the helpdesk comes again with the same
/// ticket and number and another text. Every version is kept (and shown in inspection reports);
/// the one archived last is current, and searches, timelines and complaint lists show only it.
enum InteractionVersions {
    /// The ids of versions that a later one replaced, for `id NOT IN (...)`.
    static let superseded = "SELECT interaction_id FROM superseded_interaction"
}
