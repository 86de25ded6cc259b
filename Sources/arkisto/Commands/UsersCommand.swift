import ArgumentParser
import ArkistoServer
import Foundation

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Users of the web app and the API: roles, passwords, API tokens (stored only as salted hashes).",
        subcommands: [UsersAddCommand.self, UsersTokenCommand.self, UsersRevokeCommand.self, UsersRemoveCommand.self, UsersListCommand.self,
            UsersTokensCommand.self])
}

struct UsersFileOption: ParsableArguments {
    @Option(help: ArgumentHelp("The users file (default: $ARKISTO_USERS or ./arkisto-users.json).", valueName: "file"))
    var users: String?

    var path: String { users ?? UsersFile.defaultPath }
}

extension Role: ExpressibleByArgument {}

struct UsersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user, or set an existing user's role and password.")

    @OptionGroup var file: UsersFileOption
    @Option(help: "agent, privacy-officer or admin.") var role: Role
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
    @Option(help: .hidden) var iterations = PasswordHash.defaultIterations
    @Argument(help: "The user name (a–z, 0–9, '.', '_', '-').") var name: String

    func validate() throws {
        if !passwordStdin { throw ValidationError("give the password on standard input with --password-stdin") }
        if iterations < 1000 { throw ValidationError("--iterations must be at least 1000") }
    }

    func run() throws {
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard password.count >= 8 else { throw ValidationError("the password must be at least 8 characters") }
        var users = try UsersFile.load(path: file.path)
        let isNew = try users.setUser(name: name, role: role, passwordHash: PasswordHash.make(password: password, iterations: iterations))
        try users.save(path: file.path)
        print("\(isNew ? "added" : "updated") \(name) (\(role.rawValue)) in \(file.path)")
    }
}

struct UsersTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue an API token for a user; it is printed once and only its hash is kept.")

    @OptionGroup var file: UsersFileOption
    @Argument(help: "The user name.") var name: String

    func run() throws {
        var users = try UsersFile.load(path: file.path)
        let token = try users.issueToken(for: name)
        try users.save(path: file.path)
        print(token)
    }
}

struct UsersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users, their roles and token counts.")

    @OptionGroup var file: UsersFileOption

    func run() throws {
        for user in try UsersFile.load(path: file.path).users {
            print(Output.escaped("\(user.name)  \(user.role.rawValue)  \(user.passwordHash == nil ? "no password" : "password set")  \(user.tokens.count) tokens"))
        }
    }
}

struct UsersRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a user's API tokens (all of them, or one with --token ID); a running server stops accepting them at once.")

    @OptionGroup var file: UsersFileOption
    @Option(help: ArgumentHelp("Only the token with this id (the hex part after ark_).", valueName: "id")) var token: String?
    @Argument(help: "The user name.") var name: String

    func run() throws {
        var users = try UsersFile.load(path: file.path)
        let revoked = try users.revokeTokens(of: name, id: token)
        if let token, revoked == 0 { throw ValidationError("\(name) has no token \(token)") }
        try users.save(path: file.path)
        print("revoked \(revoked) token\(revoked == 1 ? "" : "s") of \(name)")
    }
}

struct UsersRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a user: their sessions and tokens stop working at once, and do not come back if the name is added again.")

    @OptionGroup var file: UsersFileOption
    @Argument(help: "The user name.") var name: String

    func run() throws {
        var users = try UsersFile.load(path: file.path)
        try users.removeUser(named: name)
        try users.save(path: file.path)
        print("removed \(name) from \(file.path)")
    }
}

struct UsersTokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "List a user's API tokens: id (the hex part after ark_) and when issued.")

    @OptionGroup var file: UsersFileOption
    @Argument(help: "The user name.") var name: String

    func run() throws {
        guard let user = try UsersFile.load(path: file.path).user(named: name) else { throw UsersFile.Failure.unknownUser(name) }
        for token in user.tokens { print("\(token.id)  \(token.createdAt)") }
    }
}
