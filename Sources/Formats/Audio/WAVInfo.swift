/// What a WAV file's header says about its audio.
public struct WAVInfo: Sendable, Equatable {
    /// The format tag: 1 PCM, 3 IEEE float, 6 A-law, 7 µ-law, ... For WAVE_FORMAT_EXTENSIBLE files,
    /// the tag of the sub-format (see ``isExtensible``).
    public var formatTag: Int
    /// True when the `fmt ` chunk is WAVE_FORMAT_EXTENSIBLE (0xFFFE) with a sub-format GUID.
    public var isExtensible: Bool
    public var channels: Int
    /// Samples per second per channel.
    public var sampleRate: Int
    public var bitsPerSample: Int
    /// Bytes of one sample frame (all channels).
    public var blockAlign: Int
    /// Average bytes per second, as the header states.
    public var byteRate: Int
    /// The size of the audio data.
    public var dataBytes: Int
    /// Seconds of audio: from the frame count for PCM-like formats, else from the `fact` chunk's
    /// sample count, else from the byte rate.
    public var duration: Double

    public init(
        formatTag: Int, isExtensible: Bool = false, channels: Int, sampleRate: Int, bitsPerSample: Int, blockAlign: Int,
        byteRate: Int, dataBytes: Int, duration: Double
    ) {
        self.formatTag = formatTag
        self.isExtensible = isExtensible
        self.channels = channels
        self.sampleRate = sampleRate
        self.bitsPerSample = bitsPerSample
        self.blockAlign = blockAlign
        self.byteRate = byteRate
        self.dataBytes = dataBytes
        self.duration = duration
    }

    /// A short name of the encoding: "PCM", "IEEE float", "A-law", "µ-law", "GSM 6.10", ...,
    /// or "format 0x1234" for tags not listed.
    public var formatName: String { WAVFormatTag.name(of: formatTag) }
}

/// The WAVE format tags a PBX or recorder writes.
public enum WAVFormatTag {
    public static let pcm = 0x0001
    public static let microsoftADPCM = 0x0002
    public static let ieeeFloat = 0x0003
    public static let aLaw = 0x0006
    public static let muLaw = 0x0007
    public static let imaADPCM = 0x0011
    public static let g723ADPCM = 0x0014
    public static let gsm610 = 0x0031
    public static let g721ADPCM = 0x0040
    public static let mpegLayer3 = 0x0055
    public static let g729 = 0x0083
    public static let g722 = 0x028F
    public static let extensible = 0xFFFE

    /// Formats whose every sample frame is `blockAlign` bytes, so the duration follows from the size.
    static let uncompressed: Set<Int> = [pcm, ieeeFloat, aLaw, muLaw]

    public static func name(of tag: Int) -> String {
        switch tag {
        case pcm: "PCM"
        case microsoftADPCM: "Microsoft ADPCM"
        case ieeeFloat: "IEEE float"
        case aLaw: "A-law"
        case muLaw: "µ-law"
        case imaADPCM: "IMA ADPCM"
        case g723ADPCM: "G.723 ADPCM"
        case gsm610: "GSM 6.10"
        case g721ADPCM: "G.721 ADPCM"
        case mpegLayer3: "MPEG Layer 3"
        case g729: "G.729"
        case g722: "G.722"
        case extensible: "extensible"
        default: "format 0x" + String(tag, radix: 16, uppercase: true)
        }
    }
}

/// Why a WAV header cannot be read.
public enum WAVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The file does not start with `RIFF....WAVE` (or `RF64`).
    case notWAV(String)
    /// The file ends inside the header or before the data it declares.
    case truncated(String)
    /// The header's values are impossible: no `fmt ` or `data` chunk, zero rate or channels,
    /// sizes that do not fit the frame size.
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .notWAV(let detail): "not a WAV file: \(detail)"
        case .truncated(let detail): "truncated WAV file: \(detail)"
        case .invalid(let detail): "invalid WAV header: \(detail)"
        }
    }
}
