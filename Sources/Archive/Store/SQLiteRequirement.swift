import GRDB
import GRDBSQLite

/// The SQLite the archive needs: 3.42 or later, for FTS5 secure-delete (``SecureIndexDeletion``).
/// The programs link the SQLite of `Sources/CSQLite`; a build that linked another (Debian 12's
/// 3.40) must not open an archive, since it could neither honour nor keep the guarantee that an
/// erasure leaves nothing behind.
enum SQLiteRequirement {
    static let minimumVersionNumber: Int32 = 3_042_000

    static var linkedVersion: String { String(cString: sqlite3_libversion()) }

    static func check() throws {
        guard sqlite3_libversion_number() >= minimumVersionNumber else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "this program is linked with SQLite \(linkedVersion); Arkisto needs 3.42 or later "
                    + "(FTS5 secure-delete): run tools/fetch-sqlite and build again")
        }
    }
}
