/// What the layout shows about the signed-in user: name, role, the sign-out form's CSRF token.
struct PageChrome: Sendable {
    var userName: String
    var roleName: String
    var csrf: String
    var isOfficer: Bool
    var isAdmin: Bool

    init(_ identity: Identity) {
        userName = identity.user.name
        roleName = identity.user.role.finnishName
        csrf = identity.session?.csrf ?? ""
        isOfficer = identity.user.role.allows(.privacyOfficer)
        isAdmin = identity.user.role.allows(.admin)
    }
}
