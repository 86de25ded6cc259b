import Dispatch
import GRDB
import GRDBSQLite

/// Stops the statements a search runs on its reader connection once a time limit has passed, so
/// that one expensive query cannot hold a reader (and a core) for long: SQLite's progress
/// handler checks the clock every ``checkInterval`` virtual-machine steps and interrupts the
/// statement when the time is up. The handler is removed again before the connection goes back
/// to the pool.
struct SearchDeadline {
    /// Virtual-machine steps between two looks at the clock (a look costs about as much as a few
    /// steps).
    static let checkInterval: Int32 = 1_000

    /// The handler's state, owned by one ``run(_:limit:_:)`` call.
    private struct State {
        var deadline: UInt64
        var passed = false
    }

    /// SQLite's progress callback: non-zero stops the running statement with SQLITE_INTERRUPT.
    private static let check: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
        guard let state = context?.assumingMemoryBound(to: State.self) else { return 0 }
        guard DispatchTime.now().uptimeNanoseconds >= state.pointee.deadline else { return 0 }
        state.pointee.passed = true
        return 1
    }

    /// Runs `body` on `db` with the time limit (none when nil). Returns the body's result, or
    /// throws ``SearchStop/timeLimit(_:)`` when the limit stopped it.
    static func run<T>(_ db: Database, limit: Duration?, _ body: () throws -> T) throws -> T {
        guard let limit, let connection = db.sqliteConnection else { return try body() }
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(deadline: deadline(after: limit)))
        sqlite3_progress_handler(connection, checkInterval, check, state)
        defer {
            sqlite3_progress_handler(connection, 0, nil, nil)
            state.deinitialize(count: 1)
            state.deallocate()
        }
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT && state.pointee.passed {
            throw SearchStop.timeLimit(limit)
        }
    }

    /// The monotonic clock reading (nanoseconds) `duration` from now; the end of time when that overflows.
    private static func deadline(after duration: Duration) -> UInt64 {
        let now = DispatchTime.now().uptimeNanoseconds
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return now }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        let (withFraction, overflow2) = whole.addingReportingOverflow(UInt64(attoseconds / 1_000_000_000))
        let (deadline, overflow3) = now.addingReportingOverflow(withFraction)
        return overflow || overflow2 || overflow3 ? .max : deadline
    }
}
