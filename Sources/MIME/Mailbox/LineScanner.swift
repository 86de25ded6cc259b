#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import FileInput

/// Reads a file line by line in fixed-size chunks, so memory stays flat whatever the file size.
/// A line longer than `maxFragmentBytes` (at least 64) comes in several fragments; only the first
/// starts a line, and it is long enough to tell a `From ` or `>>From ` line.
struct LineScanner: Sendable {
    struct Line {
        /// The bytes, with the line terminator when there is one.
        var bytes: ArraySlice<UInt8>
        /// The file offset of the first byte.
        var offset: Int64
        /// True when these bytes continue a line whose start came in an earlier fragment.
        var isContinuation: Bool
    }

    private let file: ReadOnlyFile
    private let chunkBytes: Int
    private let maxFragmentBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// The file offset of `buffer[0]`.
    private var bufferOffset: Int64 = 0
    private var atEnd = false
    private var insideLongLine = false

    init(file: ReadOnlyFile, chunkBytes: Int = 1 << 20, maxFragmentBytes: Int = 4 << 20) {
        self.file = file
        self.chunkBytes = max(chunkBytes, 1)
        self.maxFragmentBytes = max(maxFragmentBytes, 64)
    }

    /// The next line, nil at the end of the file, or the read error.
    mutating func nextLine() -> Result<Line, SystemError>? {
        while true {
            if let newline = indexOfNewline() {
                return .success(take(upTo: newline + 1))
            }
            if atEnd {
                return position < buffer.count ? .success(take(upTo: buffer.count)) : nil
            }
            if buffer.count - position >= maxFragmentBytes {
                let fragment = take(upTo: buffer.count)
                insideLongLine = true
                return .success(fragment)
            }
            if position > 0 {
                buffer.removeFirst(position)
                bufferOffset += Int64(position)
                position = 0
            }
            switch file.read(at: bufferOffset + Int64(buffer.count), count: chunkBytes, appendingTo: &buffer) {
            case .success(let count): if count == 0 { atEnd = true }
            case .failure(let error):
                atEnd = true
                buffer.removeAll()
                position = 0
                return .failure(error)
            }
        }
    }

    private mutating func take(upTo end: Int) -> Line {
        let line = Line(
            bytes: buffer[position..<end], offset: bufferOffset + Int64(position), isContinuation: insideLongLine)
        insideLongLine = false
        position = end
        return line
    }

    private func indexOfNewline() -> Int? {
        guard position < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress,
                  let found = memchr(base + position, 0x0A, bytes.count - position)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
