/// An Office Open XML part's relationships (`_rels/<part>.rels`): relationship id → the target
/// part's name inside the package.
enum OfficeRelationships {
    static func read(_ part: String, in package: inout DocumentPackage) -> [String: String] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        var targets: [String: String] = [:]
        package.scan(relsName) { event in
            if case .start(let tag) = event, tag.localName == "Relationship", let id = tag.attribute("Id"),
                let target = tag.attribute("Target"), tag.attribute("TargetMode") != "External" {
                targets[id] = resolve(target, from: folder)
            }
            return true
        }
        return targets
    }

    /// `slides/slide1.xml` from `ppt` → `ppt/slides/slide1.xml`; `../x` climbs; `/x` is absolute.
    static func resolve(_ target: String, from folder: String) -> String {
        var components = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}
