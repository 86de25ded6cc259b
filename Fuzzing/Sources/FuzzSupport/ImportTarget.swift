import Archive
import Ingest

/// An end-to-end target: each input is written to a file and imported into a new, empty archive
/// (a copy of one made once per process, so that every input starts from the same state and a
/// crasher reproduces on its own).
///
/// The import must finish with a tally, or refuse the whole file (a file that plainly is not of
/// the format); it must never stop writing the archive, since a bad record ends quarantined.
public struct ImportTarget: Sendable {
    public let folder: ScratchFolder
    private let archive: ThrowawayArchive

    /// `prepare` puts what the importer reads beside the input (recordings, transcripts) in the folder.
    public init(_ name: String, prepare: (ScratchFolder) -> Void = { _ in }) {
        folder = ScratchFolder(name)
        prepare(folder)
        archive = ThrowawayArchive(folder: folder)
    }

    public typealias Run = (ArchiveStore, PersonalIDKey, String) throws(ImportError) -> Void

    public func importing(_ bytes: [UInt8], as name: String, _ run: Run) {
        let path = folder.write(bytes, as: name)
        do {
            try archive.withFreshCopy { store throws(ImportError) in try run(store, archive.personalIDKey, path) }
        } catch {
            switch error {
            case .file, .source: return
            case .archive(let failure): fatalError("the import stopped writing the archive: \(failure)")
            }
        }
    }
}
