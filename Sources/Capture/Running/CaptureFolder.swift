import Archive

/// The archive's capture folder (`ARCHIVE.capture`), made 0700 before a source stages anything
/// in it: an IMAP mirror holds copies of the mail.
enum CaptureFolder {
    static func prepare(_ path: String) throws(SecureFileError) {
        guard !SecureFiles.isDirectory(path) else { return }
        try SecureFiles.createDirectory(at: path)
    }
}
