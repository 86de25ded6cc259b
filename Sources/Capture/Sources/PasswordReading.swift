import Foundation

/// Reading a source's password when it is needed, from where the settings say.
public enum PasswordReading {
    /// The password: a file's first line (the file must be readable by its owner only), or an
    /// environment variable's value.
    public static func read(_ source: PasswordSource) throws(SourceSettingsError) -> String {
        switch source {
        case .file(let path):
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw .passwordUnreadable(path, reason: String(cString: strerror(errno)))
            }
            let mode = Int(status.st_mode & 0o777)
            guard mode & 0o077 == 0 else { throw .passwordFileTooOpen(path: path, mode: mode) }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .passwordUnreadable(path, reason: "cannot read the file")
            }
            let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            let password = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            guard !password.isEmpty else { throw .passwordUnreadable(path, reason: "the first line is empty") }
            return password
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                throw .passwordUnreadable("$\(name)", reason: "the environment variable is not set")
            }
            return value
        }
    }
}
