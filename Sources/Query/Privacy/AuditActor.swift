import Foundation

/// Who is acting, for the audit log: the name given (`--actor`), else the operating system's user.
public enum AuditActor {
    public static func resolve(_ explicit: String?) -> String {
        if let explicit = explicit?.trimmingCharacters(in: .whitespacesAndNewlines), !explicit.isEmpty {
            return explicit
        }
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        let name = ProcessInfo.processInfo.userName
        return name.isEmpty ? "uid \(getuid())" : name
    }
}
