import FileInput

extension ReadOnlyFile {
    /// Opens an input file, naming it in the error.
    static func opening(_ path: String) throws(FormatFileError) -> ReadOnlyFile {
        do {
            return try ReadOnlyFile(path: path)
        } catch {
            throw FormatFileError(path: path, reason: error.description)
        }
    }
}
