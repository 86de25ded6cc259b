import Synchronization

/// Fixed slots that parallel workers fill by index, read once they are all done.
final class ResultSlots<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>

    init(count: Int) {
        storage = Mutex([Value?](repeating: nil, count: count))
    }

    func set(_ index: Int, _ value: Value) {
        storage.withLock { $0[index] = value }
    }

    /// The filled slots in index order.
    func values() -> [Value] {
        storage.withLock { $0.compactMap { $0 } }
    }
}
