/// The text of a WebVTT transcript: its cues in file order, and the blocks that could not be read.
public struct Transcript: Sendable, Equatable {
    public var cues: [TranscriptCue]
    /// Blocks left out because they are not valid cues (a malformed timing, no timing line, an end
    /// before the start), each with its line and reason. NOTE, STYLE and REGION blocks are not listed.
    public var skippedBlocks: [SkippedBlock]

    public init(cues: [TranscriptCue], skippedBlocks: [SkippedBlock] = []) {
        self.cues = cues
        self.skippedBlocks = skippedBlocks
    }

    /// The plain text for search and display: one line per cue with text, `Speaker: text` when the cue
    /// has a voice, the cue's lines joined by spaces.
    public var text: String {
        cues.compactMap { cue -> String? in
            let line = cue.text.split(separator: "\n").joined(separator: " ")
            if line.isEmpty { return nil }
            if let speaker = cue.speaker { return speaker + ": " + line }
            return line
        }.joined(separator: "\n")
    }

    /// The names of the voices, in order of first appearance.
    public var speakers: [String] {
        var seen: Set<String> = []
        return cues.compactMap(\.speaker).filter { seen.insert($0).inserted }
    }

    public struct SkippedBlock: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line where the block starts.
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }

        public var description: String { "line \(line): \(reason)" }
    }
}

/// One cue's text, with its timing and voice. A cue whose text changes voice (`<v A>...<v B>...`) is
/// split into one ``TranscriptCue`` per voice, all with the cue's timing and identifier.
public struct TranscriptCue: Sendable, Equatable {
    /// The cue identifier line, when there is one.
    public var identifier: String?
    /// Seconds from the start of the recording.
    public var start: Double
    public var end: Double
    /// The voice (`<v Asiakas>`), nil when the cue names none.
    public var speaker: String?
    /// The text without markup, entities decoded; the cue's lines separated by `\n`.
    public var text: String

    public init(identifier: String? = nil, start: Double, end: Double, speaker: String? = nil, text: String) {
        self.identifier = identifier
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
    }
}

/// Why a file is not a WebVTT transcript at all.
public enum WebVTTError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The first line is not `WEBVTT` (optionally followed by a space or tab and text).
    case missingHeader(firstLine: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .missingHeader(let firstLine):
            "not a WebVTT file: the first line is '\(firstLine.prefix(40))', expected 'WEBVTT'"
        }
    }
}
