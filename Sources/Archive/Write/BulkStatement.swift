import Foundation
import GRDB
import GRDBSQLite

/// A value bound to a ``BulkStatement`` parameter.
enum BulkValue {
    case integer(Int64)
    case text(String)
    case blob(Data)
    case null

    static func integer(_ value: Int) -> BulkValue { .integer(Int64(value)) }

    static func text(_ value: String?) -> BulkValue { value.map { .text($0) } ?? .null }

    static func integer(_ value: Int64?) -> BulkValue { value.map { .integer($0) } ?? .null }

    static func blob(_ bytes: [UInt8]) -> BulkValue { .blob(Data(bytes)) }

    static func boolean(_ value: Bool) -> BulkValue { .integer(value ? 1 : 0) }
}

/// One of the import writer's statements, run many thousand times per batch: a statement from
/// GRDB's cache, executed through SQLite's C API with its values bound by type. GRDB's general
/// `execute(arguments:)` boxes each argument and checks it against the statement on every call;
/// for the writer's hot inserts that bookkeeping cost as much as SQLite's own work.
///
/// Only for statements of one write transaction, on the writer's connection: it runs them as
/// they are, without GRDB's transaction observation.
struct BulkStatement {
    private let statement: Statement

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Runs the statement to its end with `values` bound in order.
    func execute(_ values: BulkValue...) throws {
        _ = try run(values) { _ in () }
    }

    /// The first column of the first row as an integer; nil when there is no row or it is NULL.
    func fetchInteger(_ values: BulkValue...) throws -> Int64? {
        try run(values) { handle in
            sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        } ?? nil
    }

    /// Whether the statement returns a row.
    func exists(_ values: BulkValue...) throws -> Bool {
        try run(values) { _ in true } ?? false
    }

    private func run<T>(_ values: [BulkValue], firstRow: (SQLiteStatement) -> T) throws -> T? {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        guard sqlite3_bind_parameter_count(handle) == Int32(values.count) else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) parameters",
                sql: statement.sql)
        }
        for (offset, value) in values.enumerated() {
            try check(bind(value, at: Int32(offset + 1), of: handle), handle)
        }
        defer { sqlite3_reset(handle) }
        var result: T?
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                if result == nil { result = firstRow(handle) }
            case SQLITE_DONE:
                return result
            case let code:
                try check(code, handle)
            }
        }
    }

    private func bind(_ value: BulkValue, at index: Int32, of handle: SQLiteStatement) -> Int32 {
        switch value {
        case .integer(let integer):
            return sqlite3_bind_int64(handle, index, integer)
        case .text(var text):
            guard !text.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
            return text.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { chars in
                    sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), Self.transient)
                }
            }
        case .blob(let data):
            guard !data.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return data.withUnsafeBytes { bytes in
                sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        case .null:
            return sqlite3_bind_null(handle, index)
        }
    }

    private func check(_ code: Int32, _ handle: SQLiteStatement) throws {
        guard code != SQLITE_OK, code != SQLITE_DONE, code != SQLITE_ROW else { return }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
            sql: statement.sql)
    }

    /// SQLite copies the bytes before the bind call returns.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}
