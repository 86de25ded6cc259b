import Archive

/// How far a mail import has come, reported after each batch is written.
public struct MailImportProgress: Sendable {
    /// The records written so far; files skipped as read before count as already present.
    public var tally: ImportTally
    /// Input bytes of the records written so far (files skipped as read before not included).
    public var bytesDone: Int64
    /// Input bytes this run reads: the files not read before and the mbox files, in full.
    public var bytesTotal: Int64
    /// Files not read at all because the archive already holds them at the same path.
    public var unchangedFiles: Int

    public init(tally: ImportTally, bytesDone: Int64, bytesTotal: Int64, unchangedFiles: Int) {
        self.tally = tally
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.unchangedFiles = unchangedFiles
    }

    /// The share of the input done, 0...1.
    public var fractionDone: Double {
        bytesTotal > 0 ? min(Double(bytesDone) / Double(bytesTotal), 1) : 1
    }
}
