/// Turns HTML into readable plain text.
public enum HTMLText {
    /// The readable text of `html`: entities decoded, block elements as line breaks, script and style dropped.
    public static func render(_ html: String) -> String {
        html // replaced by the real converter
    }
}
