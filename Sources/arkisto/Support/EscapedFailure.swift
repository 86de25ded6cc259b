import ArgumentParser

/// A command's failure as printed: its message, which may quote a query, a file name or other
/// user-supplied text, with control characters escaped line by line (``Output/escaped(_:)``).
/// The argument parser's own outcomes (exit codes, help, validation messages) pass unchanged.
struct EscapedFailure: Error, CustomStringConvertible {
    var description: String

    static func wrapping(_ error: any Error) -> any Error {
        if error is ExitCode || error is CleanExit || error is ValidationError { return error }
        let lines = "\(error)".split(separator: "\n", omittingEmptySubsequences: false).map { Output.escaped(String($0)) }
        return EscapedFailure(description: lines.joined(separator: "\n"))
    }
}
