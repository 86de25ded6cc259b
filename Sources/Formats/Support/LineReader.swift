#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import FileInput

/// Reads a file line by line in fixed-size chunks, so memory stays flat whatever the file size.
///
/// Lines end at `\n`; a `\r` before it is part of the terminator. A UTF-8 byte order mark at the very
/// start of the file is dropped. A line longer than `maxLineBytes` is returned once, cut short and
/// marked ``Line/isCut``, and the rest of it is skipped.
///
/// Reading may start at any offset (where an earlier run stopped) without reading the bytes before
/// it. A reader that `holdsUnterminatedLine` treats text after the last `\n` as a line still being
/// written: it is not returned, and the next run reads it once it is complete.
struct LineReader: Sendable {
    struct Line: Sendable {
        /// The bytes without the line terminator (only the first `maxLineBytes` when cut).
        var bytes: [UInt8]
        /// 1-based.
        var number: Int
        /// The file offset of the first byte.
        var offset: Int64
        /// True when the line was longer than the limit and `bytes` holds only its beginning.
        var isCut: Bool
        /// The line terminator as it was in the file: `\n`, `\r\n`, or nothing at the end of the file.
        var terminator: [UInt8]
        /// The file offset just after the line and its terminator (for a cut line, after all of it).
        var end: Int64
    }

    private let file: ReadOnlyFile
    private let chunkBytes: Int
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// The file offset of `buffer[0]`.
    private var bufferOffset: Int64 = 0
    private var atEnd = false
    private var lineNumber = 0
    private var startChecked = false
    private let holdsUnterminatedLine: Bool

    /// `start`: where to begin reading; `linesBefore`: how many lines precede it (for line numbers).
    init(
        file: ReadOnlyFile, start: FileStart = .beginning, holdsUnterminatedLine: Bool = false,
        chunkBytes: Int = 1 << 20, maxLineBytes: Int = 64 << 20
    ) {
        self.file = file
        self.chunkBytes = max(chunkBytes, 16)
        self.maxLineBytes = max(maxLineBytes, 16)
        self.holdsUnterminatedLine = holdsUnterminatedLine
        bufferOffset = max(start.offset, 0)
        lineNumber = max(start.linesBefore, 0)
        startChecked = start.offset > 0
    }

    /// The next line, nil at the end of the file, or the read error (after which the reader is at its end).
    mutating func nextLine() -> Result<Line, SystemError>? {
        if !startChecked {
            startChecked = true
            if case .failure(let error) = fill(atLeast: 3) { return .failure(error) }
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        while true {
            if let newline = indexOfNewline() {
                return .success(take(upTo: newline, terminatorBytes: 1))
            }
            if atEnd {
                guard position < buffer.count, !holdsUnterminatedLine else { return nil }
                return .success(take(upTo: buffer.count, terminatorBytes: 0))
            }
            if buffer.count - position >= maxLineBytes {
                return skipLongLine()
            }
            if case .failure(let error) = fill(atLeast: buffer.count - position + 1) { return .failure(error) }
        }
    }

    /// Reads more of the file until `count` unread bytes are buffered or the file ends.
    private mutating func fill(atLeast count: Int) -> Result<Void, SystemError> {
        if position > 0 {
            buffer.removeFirst(position)
            bufferOffset += Int64(position)
            position = 0
        }
        while buffer.count < count && !atEnd {
            switch file.read(at: bufferOffset + Int64(buffer.count), count: chunkBytes, appendingTo: &buffer) {
            case .success(let read): if read == 0 { atEnd = true }
            case .failure(let error):
                atEnd = true
                buffer.removeAll()
                position = 0
                return .failure(error)
            }
        }
        return .success(())
    }

    private mutating func take(upTo end: Int, terminatorBytes: Int) -> Line {
        var contentEnd = end
        var terminator: [UInt8] = terminatorBytes > 0 ? [0x0A] : []
        if terminatorBytes > 0 && contentEnd > position && buffer[contentEnd - 1] == 0x0D {
            contentEnd -= 1
            terminator = [0x0D, 0x0A]
        }
        lineNumber += 1
        let line = Line(
            bytes: Array(buffer[position..<contentEnd]), number: lineNumber, offset: bufferOffset + Int64(position),
            isCut: false, terminator: terminator, end: bufferOffset + Int64(end + terminatorBytes))
        position = end + terminatorBytes
        return line
    }

    /// Returns the beginning of an over-long line and skips the rest of it.
    private mutating func skipLongLine() -> Result<Line, SystemError>? {
        var line = Line(
            bytes: Array(buffer[position..<position + maxLineBytes]), number: lineNumber + 1,
            offset: bufferOffset + Int64(position), isCut: true, terminator: [0x0A], end: 0)
        while true {
            if let newline = indexOfNewline() {
                position = newline + 1
                line.end = bufferOffset + Int64(position)
                lineNumber += 1
                return .success(line)
            }
            position = buffer.count
            if atEnd {
                // Still being written: read again from its start next time.
                if holdsUnterminatedLine { return nil }
                line.end = bufferOffset + Int64(position)
                lineNumber += 1
                return .success(line)
            }
            if case .failure(let error) = fill(atLeast: 1) { return .failure(error) }
        }
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

/// Where a reader starts: a byte offset and how many lines come before it.
public struct FileStart: Sendable, Equatable, Codable {
    public var offset: Int64
    /// Lines before `offset`, so that records are numbered as in the whole file.
    public var linesBefore: Int

    public init(offset: Int64, linesBefore: Int) {
        self.offset = offset
        self.linesBefore = linesBefore
    }

    public static let beginning = FileStart(offset: 0, linesBefore: 0)
}
