import Ingest

/// What an end-to-end target requires of an import run: it finishes with a tally, or refuses the
/// whole file (a file that plainly is not of the format), and never fails writing the archive, since a
/// bad record must end quarantined, never stop the import.
public enum ImportOutcome {
    public static func check(_ run: () throws(ImportError) -> Void) {
        do {
            try run()
        } catch {
            switch error {
            case .file, .source: return
            case .archive(let failure):
                fatalError("the import stopped writing the archive: \(failure)")
            }
        }
    }
}
