// swift-tools-version:6.1
// Coverage-guided fuzz targets (libFuzzer), one executable per target. A package of its own, so that
// `swift build` / `swift test` in the project never build them. Built and run by `tools/fuzz`:
//
//     tools/fuzz list
//     tools/fuzz mime 600
//
// The targets only link when built with `-Xswiftc -sanitize=fuzzer` (which links libFuzzer in);
// `tools/fuzz` also passes `-enable-testing`, for the targets that reach internal API (the planner).
import PackageDescription

let fuzzTargets = [
    "FuzzMIME",
    "FuzzHelpdesk",
    "FuzzCDR",
    "FuzzWebVTT",
    "FuzzWAV",
    "FuzzCustomers",
    "FuzzQuery",
    "FuzzImportHelpdesk",
    "FuzzImportMail",
    "FuzzImportCalls",
    "FuzzImportCustomers",
]

let package = Package(
    name: "ArkistoFuzzing",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Arkisto", path: ".."),
    ],
    targets: [
        // What every target shares: the input as a file, a throwaway archive.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "ArkistoKit", package: "Arkisto")],
            path: "Sources/FuzzSupport"),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "ArkistoKit", package: "Arkisto")],
            path: "Sources/\(name)")
    },
    swiftLanguageModes: [.v6]
)
