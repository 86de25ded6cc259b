import GRDB

extension ArchiveStore {
    /// The names of the defects met while reading an interaction's source (`attachment_unreadable`,
    /// MIME's defects...); empty for an unknown id.
    public func defects(ofInteraction id: Int64) throws(ArchiveError) -> [String] {
        try read { db in
            let names = try String.fetchOne(db, sql: "SELECT defects FROM interaction WHERE id = ?", arguments: [id]) ?? ""
            return names.split(separator: " ").map(String.init)
        }
    }
}
