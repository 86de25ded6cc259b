// swift-tools-version:6.1
// `tools/bench --only cdr-tail`'s measuring program, in a package of its own so that neither
// `swift build` nor `swift test` of the project builds it.
import PackageDescription

let package = Package(
    name: "CDRTail",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Arkisto", path: "../..")],
    targets: [
        .executableTarget(name: "CDRTail", dependencies: [.product(name: "ArkistoKit", package: "Arkisto")]),
    ]
)
