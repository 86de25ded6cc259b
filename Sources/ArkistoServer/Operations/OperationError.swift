import HTTPTypes

/// Why an operation could not be done, as the web app and the API both report it.
enum OperationError: Error, CustomStringConvertible {
    /// Nothing with that id (404).
    case notFound(String)
    /// The request cannot be done as asked (400).
    case invalid(String)
    /// The state forbids it: a hold, an open case, a closed case (409).
    case conflict(String)
    /// The archive or a file failed (500; the detail goes to the server log only).
    case failed(String)

    var description: String {
        switch self {
        case .notFound(let message), .invalid(let message), .conflict(let message), .failed(let message): message
        }
    }

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .invalid: .badRequest
        case .conflict: .conflict
        case .failed: .internalServerError
        }
    }

    /// What the user is shown: the message, except for internal failures.
    var publicMessage: String {
        if case .failed = self { return "internal error" }
        return description
    }
}
