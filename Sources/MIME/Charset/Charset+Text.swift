extension Charset {
    /// `bytes` as text in this charset, repaired as ``decode(_:)`` repairs it (invalid bytes become
    /// U+FFFD, NULs are dropped): for readers outside MIME that meet declared code pages (RTF's
    /// `\ansicpg`, a text file inside an archive).
    public func decodedText(_ bytes: [UInt8]) -> String {
        decode(bytes).text
    }
}
