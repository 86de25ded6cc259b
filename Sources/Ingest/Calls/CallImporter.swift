import Archive
import FinnishText
import Formats
import Foundation

/// Imports Asterisk call detail records (`Master.csv`): each record is an interaction; the
/// recording named in `userfield` is described (WAV header, SHA-256, path: the audio stays where
/// it is) and a WebVTT transcript beside it becomes the searchable text.
public struct CallImporter: Sendable {
    public var archive: ArchiveStore
    public var mentions: MentionExtractor
    /// Where recordings are; default: `recordings/` beside the CDR file.
    public var recordingsFolder: String?
    /// Where transcripts are; default: `transcripts/` beside the CDR file, then the recordings folder.
    public var transcriptsFolder: String?
    /// The PBX's time zone (CDR times are local).
    public var timeZone: TimeZone

    public init(archive: ArchiveStore, personalIDKey: PersonalIDKey, timeZone: TimeZone = TimeZone(identifier: "Europe/Helsinki") ?? .current) {
        self.archive = archive
        mentions = MentionExtractor(personalIDKey: personalIDKey)
        self.timeZone = timeZone
    }

    public func run(paths: [String], progress: (ImportTally) -> Void = { _ in }) throws(ImportError) -> ImportTally {
        let run = try archiving { () throws(ArchiveError) in try archive.beginImportRun(sourceKind: "calls", arguments: paths) }
        let writer = WritePipeline(archive: archive, run: run)
        for path in paths {
            let reader: CDRReader
            do {
                reader = try CDRReader(path: path, timeZone: timeZone)
            } catch {
                throw .file(error)
            }
            let media = mediaFolders(of: path)
            try RecordBatches(archive: archive).run(reader, into: writer, progress: progress) { record in
                [items(of: record, in: path, media: media)]
            }
        }
        let tally = try writer.finish()
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: tally) }
        return tally
    }

    /// Reads what the PBX appended to `path` since the last run of the source `checkpointKey` (all of
    /// it the first time), at most `maxRecords` records; each batch is committed with the new
    /// checkpoint. A rotated file's rest is read first (``AppendOnlyTail``); a last row still being
    /// written waits for the next run. Then attaches the recordings and transcripts that appeared
    /// for calls archived before (``attachLateMedia(recordings:transcripts:)``).
    public func runTail(
        path: String, checkpointKey: String, maxRecords: Int? = nil, progress: (ImportTally) -> Void = { _ in }
    ) throws(ImportError) -> TailResult {
        let media = mediaFolders(of: path)
        var result = try AppendOnlyRun(archive: archive, key: checkpointKey, path: path, maxRecords: maxRecords).run(
            sourceKind: "calls", progress: progress,
            open: { segment throws(FormatFileError) in
                var reader = try CDRReader(file: segment.file, timeZone: timeZone)
                reader.start = segment.start
                reader.holdsIncompleteRecord = segment.isLive
                return reader
            },
            prepare: { record, segment in [items(of: record, in: segment.path, media: media)] })
        result.amendedCallIDs = try attachLateMediaIfFoldersChanged(media, checkpointKey: checkpointKey)
        return result
    }

    /// ``attachLateMedia(recordings:transcripts:)`` when the media folders changed since the last
    /// look of this source (their stamp is kept as the checkpoint `KEY/media`); none otherwise.
    private func attachLateMediaIfFoldersChanged(
        _ media: CallMediaFolders, checkpointKey: String
    ) throws(ImportError) -> [Int64] {
        let key = checkpointKey + "/media"
        // Taken before looking: a file arriving during the look changes the folder after it.
        let stamp = MediaFolderStamp(of: [media.recordings] + media.transcripts)
        let saved = MediaFolderStamp(state: try archiving { () throws(ArchiveError) in try archive.checkpoint(of: key) })
        guard stamp != saved else { return [] }
        let attached = try attachLateMedia(media)
        try archiving { () throws(ArchiveError) in
            // A folder changed within the last seconds may change again within the same tick of a
            // coarse file system clock: then the next cycle looks again.
            if stamp.isSettled(at: Date()) {
                try archive.saveCheckpoint(SourceCheckpoint(source: key, state: stamp.state))
            } else {
                try archive.removeCheckpoint(key)
            }
        }
        return attached
    }

    /// Where the recordings and transcripts of the calls in the CDR file `path` are.
    func mediaFolders(of path: String) -> CallMediaFolders {
        let folder = (path as NSString).deletingLastPathComponent
        let recordings = recordingsFolder ?? (folder as NSString).appendingPathComponent("recordings")
        let transcripts = transcriptsFolder ?? (folder as NSString).appendingPathComponent("transcripts")
        return CallMediaFolders(recordings: recordings, transcripts: [transcripts, recordings])
    }

    private func items(of record: SourceRecord<CallDetailRecord>, in path: String, media: CallMediaFolders) -> ImportItem {
        let original = IncomingOriginal(bytes: record.raw, position: record.position(in: path))
        return .archive(original, interaction(
            of: record.value, digest: original.digest, recordings: media.recordings, transcripts: media.transcripts))
    }

    func interaction(of cdr: CallDetailRecord, digest: ContentDigest, recordings: String, transcripts: [String]) -> NewInteraction {
        var defects: [String] = []
        let outbound = cdr.context.contains("internal") || Self.isExtension(cdr.source)
        let callerNumber = cdr.callerNumber ?? cdr.source
        let customerSide = outbound ? cdr.destination : callerNumber

        var recording: LinkedFile?
        var audio: WAVInfo?
        var transcriptFile: LinkedFile?
        var transcript: Transcript?
        let name = (cdr.userField as NSString).lastPathComponent
        if !name.isEmpty {
            let files = CallMediaFiles(name: name)
            let path = files.recording(in: recordings)
            if let bytes = FileManager.default.contents(atPath: path) {
                recording = LinkedFile(path: path, digest: ContentDigest(of: [UInt8](bytes)))
                do {
                    audio = try WAVHeader.parse([UInt8](bytes.prefix(4096)), fileSize: bytes.count)
                } catch {
                    defects.append("recording_unreadable")
                }
            } else {
                defects.append("recording_missing")
            }
            for folder in transcripts {
                let path = files.transcript(in: folder)
                guard let bytes = FileManager.default.contents(atPath: path) else { continue }
                transcriptFile = LinkedFile(path: path, digest: ContentDigest(of: [UInt8](bytes)))
                do {
                    transcript = try WebVTT.parse(bytes: [UInt8](bytes))
                } catch {
                    defects.append("transcript_unreadable")
                }
                break
            }
        }

        var found: [IdentifierMention] = []
        found += [mentions.mention(phone: callerNumber, location: "caller")].compactMap { $0 }
        found += [mentions.mention(phone: cdr.destination, location: "callee")].compactMap { $0 }
        // What was said, cue by cue; the speaker labels stay in the transcript file (they would
        // make every call match "asiakas" and split phrases that run across turns).
        let text = transcript?.cues.map(\.text).joined(separator: "\n") ?? ""
        found += mentions.mentions(inText: text, role: .transcript)
        let participants = [
            PhoneNumber.e164(callerNumber).map { Participant(role: .from, name: cdr.callerName, address: $0) },
            PhoneNumber.e164(cdr.destination).map { Participant(role: .to, name: nil, address: $0) },
        ].compactMap { $0 }
        let minutes = cdr.billableSeconds / 60, seconds = cdr.billableSeconds % 60
        let subject = (outbound ? "Lähtevä puhelu " : "Saapuva puhelu ")
            + (cdr.callerName.map { "\($0) " } ?? "") + customerSide
            + (cdr.billableSeconds > 0 ? String(format: " (%d:%02d)", minutes, seconds) : " (\(cdr.disposition.lowercased()))")
        return NewInteraction(
            kind: .call,
            sourceRef: cdr.uniqueID,
            contentDigest: digest,
            occurredAt: cdr.start ?? cdr.answer ?? cdr.end,
            direction: outbound ? .outbound : .inbound,
            subject: subject,
            body: text,
            participants: participants,
            attachments: [],
            references: [],
            defects: defects,
            mentions: Array(Set(found)),
            details: .call(CallDetails(
                caller: callerNumber, callee: cdr.destination, callerName: cdr.callerName, disposition: cdr.disposition,
                duration: cdr.duration, billableSeconds: cdr.billableSeconds, recording: recording,
                audioFormat: audio?.formatName, sampleRate: audio?.sampleRate, channels: audio?.channels,
                audioSeconds: audio?.duration, transcript: transcriptFile, mediaName: name)))
    }

    /// A PBX extension (`201`), not a subscriber number.
    static func isExtension(_ number: String) -> Bool {
        number.count <= 5 && number.allSatisfy(\.isNumber)
    }
}

/// The folders a call's recording and transcript are looked for in.
struct CallMediaFolders: Sendable {
    var recordings: String
    /// In order: the first holding the transcript wins.
    var transcripts: [String]
}
