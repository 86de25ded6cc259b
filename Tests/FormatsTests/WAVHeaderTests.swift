import Foundation
import Testing

@testable import Formats

/// Builds WAV files byte by byte.
private struct WAVBuilder {
    var bytes: [UInt8] = []

    mutating func ascii(_ text: String) { bytes += Array(text.utf8) }
    mutating func u16(_ value: Int) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    mutating func u32(_ value: Int) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(value >> shift & 0xFF)) } }

    mutating func chunk(_ id: String, _ body: [UInt8], pad: Bool = true) {
        ascii(id)
        u32(body.count)
        bytes += body
        if pad && body.count % 2 == 1 { bytes.append(0) }
    }

    static func format(tag: Int, channels: Int, rate: Int, bits: Int, blockAlign: Int? = nil) -> [UInt8] {
        var body = WAVBuilder()
        let align = blockAlign ?? channels * bits / 8
        body.u16(tag)
        body.u16(channels)
        body.u32(rate)
        body.u32(rate * align)
        body.u16(align)
        body.u16(bits)
        return body.bytes
    }

    static func extensibleFormat(subformat: Int, channels: Int, rate: Int, bits: Int) -> [UInt8] {
        var body = WAVBuilder()
        body.bytes = format(tag: 0xFFFE, channels: channels, rate: rate, bits: bits)
        body.u16(22)
        body.u16(bits)
        body.u32(0x4)  // front centre
        body.u16(subformat)
        body.bytes += [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
        return body.bytes
    }

    /// A RIFF/WAVE file of the given chunks.
    static func file(_ build: (inout WAVBuilder) -> Void) -> [UInt8] {
        var chunks = WAVBuilder()
        build(&chunks)
        var file = WAVBuilder()
        file.ascii("RIFF")
        file.u32(chunks.bytes.count + 4)
        file.ascii("WAVE")
        return file.bytes + chunks.bytes
    }
}

@Suite("WAV headers")
struct WAVHeaderTests {
    @Test func pcm8kHzMono16Bit() throws {
        // 0.1 s of silence per minute of billsec, as the PBX's recordings hold: 611 s gives 1.0 s here.
        let file = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 1, channels: 1, rate: 8000, bits: 16))
            wav.chunk("data", [UInt8](repeating: 0, count: 16000))
        }
        let info = try WAVHeader.parse(file)
        #expect(info == WAVInfo(formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16, blockAlign: 2, byteRate: 16000, dataBytes: 16000, duration: 1.0))
        #expect(info.formatName == "PCM")
        let onDisk = try TemporaryFile(name: "rec.wav", bytes: file)
        #expect(try WAVHeader.read(path: onDisk.path) == info)
    }

    @Test func extensibleWithListAndFactChunksBeforeData() throws {
        let file = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.extensibleFormat(subformat: 1, channels: 2, rate: 44100, bits: 24))
            wav.chunk("LIST", Array("INFOISFT\u{0D}\0\0\0Lavf58.76.100".utf8))  // odd size, padded
            wav.chunk("fact", [0x44, 0xAC, 0, 0])
            wav.chunk("data", [UInt8](repeating: 0, count: 44100 * 6 / 2))
        }
        let info = try WAVHeader.parse(file)
        #expect(info.formatTag == 1)
        #expect(info.isExtensible)
        #expect(info.channels == 2)
        #expect(info.sampleRate == 44100)
        #expect(info.bitsPerSample == 24)
        #expect(info.blockAlign == 6)
        #expect(info.duration == 0.5)
        #expect(info.formatName == "PCM")
    }

    @Test func aLawAndCompressedFormats() throws {
        let alaw = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 6, channels: 1, rate: 8000, bits: 8) + [0, 0])
            wav.chunk("data", [UInt8](repeating: 0xD5, count: 4000))
        }
        let info = try WAVHeader.parse(alaw)
        #expect(info.formatName == "A-law")
        #expect(info.duration == 0.5)
        // GSM 6.10: 65-byte blocks of 320 samples, 1625 bytes per second; the fact chunk gives 8000 samples.
        let gsm = WAVBuilder.file { wav in
            var format = WAVBuilder()
            format.u16(0x31); format.u16(1); format.u32(8000); format.u32(1625); format.u16(65); format.u16(0)
            format.u16(2); format.u16(320)
            wav.chunk("fmt ", format.bytes)
            wav.chunk("fact", [0x40, 0x1F, 0, 0])
            wav.chunk("data", [UInt8](repeating: 0, count: 1625))
        }
        let gsmInfo = try WAVHeader.parse(gsm)
        #expect(gsmInfo.formatName == "GSM 6.10")
        #expect(gsmInfo.duration == 1.0)
    }

    @Test func readsOnlyTheHeaderOfALargeFile() throws {
        // The data chunk claims what the file holds; reading the header must not need the audio.
        let header = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 1, channels: 1, rate: 8000, bits: 16))
            wav.ascii("data")
            wav.u32(8_000_000)
        }
        let file = try TemporaryFile(name: "big.wav", bytes: header + [UInt8](repeating: 0, count: 8_000_000))
        #expect(try WAVHeader.read(path: file.path).duration == 500)
        // Only the beginning in memory: the file's size says whether the data is all there.
        #expect(try WAVHeader.parse(header, fileSize: header.count + 8_000_000).duration == 500)
        #expect(throws: WAVError.self) { try WAVHeader.parse(header, fileSize: header.count + 7_999_999) }
        #expect(throws: WAVError.self) { try WAVHeader.parse(header) }
    }

    @Test func truncatedFiles() {
        let complete = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 1, channels: 1, rate: 8000, bits: 16))
            wav.chunk("data", [UInt8](repeating: 0, count: 1600))
        }
        #expect(throws: WAVError.truncated("the 'data' chunk declares 1600 bytes, the file holds 1000")) {
            try WAVHeader.parse(Array(complete.prefix(complete.count - 600)))
        }
        #expect(throws: WAVError.truncated("inside the 'fmt ' chunk")) { try WAVHeader.parse(Array(complete.prefix(30))) }
        #expect(throws: WAVError.truncated("no 'fmt ' chunk before the end")) { try WAVHeader.parse(Array(complete.prefix(12))) }
        #expect(throws: WAVError.notWAV("only 8 bytes")) { try WAVHeader.parse(Array(complete.prefix(8))) }
    }

    @Test func notRIFF() throws {
        #expect(throws: WAVError.notWAV("starts with 'ID3?', not RIFF")) { try WAVHeader.parse(Array("ID3\u{4}rest of an mp3 file".utf8)) }
        #expect(throws: WAVError.notWAV("a RIFF file of type 'AVI ', not WAVE")) { try WAVHeader.parse(Array("RIFF\0\0\0\0AVI LIST".utf8)) }
        #expect(throws: WAVError.notWAV("the file is empty")) { try WAVHeader.parse([]) }
        #expect(throws: WAVError.unreadable(path: "/nonexistent.wav", reason: "no such file or directory")) {
            try WAVHeader.read(path: "/nonexistent.wav")
        }
    }

    @Test func impossibleValues() {
        let zeroRate = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 1, channels: 1, rate: 0, bits: 16, blockAlign: 2))
            wav.chunk("data", [0, 0])
        }
        #expect(throws: WAVError.invalid("sample rate 0")) { try WAVHeader.parse(zeroRate) }
        let oddData = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 1, channels: 1, rate: 8000, bits: 16))
            wav.chunk("data", [0, 0, 0])
        }
        #expect(throws: WAVError.invalid("3 data bytes are not whole frames of 2 bytes")) { try WAVHeader.parse(oddData) }
        let badAlign = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 1, channels: 2, rate: 8000, bits: 16, blockAlign: 3))
            wav.chunk("data", [])
        }
        #expect(throws: WAVError.self) { try WAVHeader.parse(badAlign) }
        let shortFormat = WAVBuilder.file { wav in
            wav.chunk("fmt ", [1, 0, 1, 0, 0x40, 0x1F, 0, 0])
            wav.chunk("data", [])
        }
        #expect(throws: WAVError.invalid("'fmt ' chunk of 8 bytes, at least 16 needed")) { try WAVHeader.parse(shortFormat) }
        let dataFirst = WAVBuilder.file { wav in wav.chunk("data", [0, 0]) }
        #expect(throws: WAVError.invalid("'data' chunk before the 'fmt ' chunk")) { try WAVHeader.parse(dataFirst) }
    }

    @Test func toleratesAMissingPadByte() throws {
        let file = WAVBuilder.file { wav in
            wav.chunk("fmt ", WAVBuilder.format(tag: 1, channels: 1, rate: 8000, bits: 8))
            wav.chunk("LIST", Array("INFOx".utf8), pad: false)
            wav.chunk("data", [UInt8](repeating: 0x80, count: 800))
        }
        #expect(try WAVHeader.parse(file).duration == 0.1)
    }
}
