// swift-tools-version:6.1
// Benchmarks live in their own package so that `swift test` in the project never builds them.
//
//     ARKISTO_BENCH_CORPUS=../corpus/medium swift package benchmark
import PackageDescription

let package = Package(
    name: "ArkistoBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Arkisto", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ArkistoBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ArkistoKit", package: "Arkisto"),
                .product(name: "FinnishTextKit", package: "Arkisto"),
            ],
            path: "Benchmarks/ArkistoBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        // Search and timeline latency in one process, for tools/bench.
        .executableTarget(
            name: "QueryLatency",
            dependencies: [.product(name: "ArkistoKit", package: "Arkisto")],
            path: "Benchmarks/QueryLatency"),
        // Index terms and FTS5 answers for tools/pg-fulltext-compare (the PostgreSQL comparison).
        .executableTarget(
            name: "FullTextExport",
            dependencies: [
                .product(name: "ArkistoKit", package: "Arkisto"),
                .product(name: "FinnishTextKit", package: "Arkisto"),
            ],
            path: "Benchmarks/FullTextExport"),
    ]
)
