/// A bounded map from words to their analysis, evicting with the clock algorithm (an
/// approximation of least-recently-used that needs one flag per entry and no list updates on hits).
struct AnalysisCache<Value> {
    private struct Slot {
        var key: WordKey
        var value: Value
        var recentlyUsed: Bool
    }

    let capacity: Int
    private var slotIndex: [WordKey: Int] = [:]
    private var slots: [Slot] = []
    private var hand = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        slotIndex.reserveCapacity(min(self.capacity, 1 << 20))
    }

    var count: Int { slots.count }

    mutating func value(for key: WordKey) -> Value? {
        guard let index = slotIndex[key] else { return nil }
        slots[index].recentlyUsed = true
        return slots[index].value
    }

    mutating func insert(_ value: Value, for key: WordKey) {
        if let index = slotIndex[key] {
            slots[index].value = value
            slots[index].recentlyUsed = true
            return
        }
        if slots.count < capacity {
            slotIndex[key] = slots.count
            slots.append(Slot(key: key, value: value, recentlyUsed: false))
            return
        }
        // Sweep: clear flags until an entry not used since the last pass turns up.
        while slots[hand].recentlyUsed {
            slots[hand].recentlyUsed = false
            hand = (hand + 1) % slots.count
        }
        slotIndex[slots[hand].key] = nil
        slotIndex[key] = hand
        slots[hand] = Slot(key: key, value: value, recentlyUsed: false)
        hand = (hand + 1) % slots.count
    }

    mutating func removeAll() {
        slotIndex.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        hand = 0
    }
}
