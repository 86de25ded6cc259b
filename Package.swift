// swift-tools-version:6.1
import Foundation
import PackageDescription

// SQLite 3.54.1 (tools/fetch-sqlite puts it here; tools/setup.sh runs it): Debian 12's 3.40 lacks
// FTS5 secure-delete, which erasure needs to remove index entries without rewriting the index.
let bundledSQLite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Sources/CSQLite/sqlite3.c")
if !FileManager.default.fileExists(atPath: bundledSQLite.path) {
    fatalError("Sources/CSQLite/sqlite3.c is missing: run tools/fetch-sqlite (tools/setup.sh runs it) before building")
}

let package = Package(
    name: "Arkisto",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arkisto", targets: ["arkisto"]),
        .library(name: "ArkistoKit", targets: ["MIME", "Archive", "Ingest", "Query"]),
        .library(name: "FinnishTextKit", targets: ["FinnishText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    ],
    targets: [
        // C shims over Debian's libraries. ICU is reached only through CICU, whose public header
        // includes no ICU header, so ICU's version-renamed symbols never meet Foundation's own ICU.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]),
        // SQLite itself, linked into every program in place of Debian's libsqlite3 (which GRDB's module
        // map still names, so its headers compile GRDB; no call reaches it): ``SQLiteRequirement``
        // refuses to open an archive when the linked SQLite is older than 3.42.
        .target(
            name: "CSQLite",
            cSettings: [
                .define("SQLITE_THREADSAFE", to: "1"),
                .define("SQLITE_ENABLE_FTS5"),
                .define("SQLITE_ENABLE_FTS4"),
                .define("SQLITE_ENABLE_DBSTAT_VTAB"),
                .define("SQLITE_ENABLE_COLUMN_METADATA"),
                .define("SQLITE_ENABLE_MATH_FUNCTIONS"),
                .define("SQLITE_ENABLE_UNLOCK_NOTIFY"),
                .define("SQLITE_SECURE_DELETE"),
                .define("SQLITE_MAX_VARIABLE_NUMBER", to: "250000"),
                // GRDB uses WAL snapshots on Apple platforms.
                .define("SQLITE_ENABLE_SNAPSHOT"),
                .define("SQLITE_OMIT_LOAD_EXTENSION"),
                // Optimised in debug builds too (tests run on it), and quiet: it is not our code.
                .unsafeFlags(["-O2", "-w"]),
            ]),
        // FTS5 ranking in C: a cheaper equivalent of bm25 for searches that match much of the archive.
        .target(name: "CFullTextRank", dependencies: ["CSQLite"]),
        // The GNU parts of posix_spawn and pipe2 (for Extract's child processes).
        .target(name: "CSpawn"),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CVoikko", providers: [.apt(["libvoikko-dev", "voikko-fi"])]),

        // Finnish analysis and identifier recognisers: no SQLite here.
        .target(name: "FinnishText", dependencies: ["CICU", "CStemmer", "CVoikko"]),

        // Reading files at explicit offsets, shared by the parsers.
        .target(name: "FileInput"),

        // Parsing: no storage here.
        .target(name: "MIME", dependencies: ["CICU", "FileInput"]),
        .target(name: "Formats", dependencies: ["FileInput"]),
        // Attachment text: PDF, Office, RTF, images (OCR), forwards, TNEF, ZIP. Parsing only; the
        // third-party readers run as limited child processes.
        .target(name: "Extract", dependencies: ["MIME", "CZlib", "CSpawn"]),

        // Storage: schema, originals, the one write path, read queries.
        .target(
            name: "Archive",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"), "FinnishText", "CSQLite", "CFullTextRank", "CZstd", "CCrypto"]),

        // Sources into the archive: mail readers, parsing, quarantine, idempotent writes.
        .target(name: "Ingest", dependencies: ["MIME", "Formats", "Extract", "Archive", "FinnishText"]),

        // Continuous capture: configured sources (Maildir, IMAP through mbsync, the CDR tail, a
        // helpdesk folder), their checkpoints and the scheduler that `sync`, `watch` and `serve` share.
        .target(name: "Capture", dependencies: ["Ingest", "Archive", "Query", "Formats", "MIME"]),

        // What users ask: search (and later timelines, complaints, inspection reports).
        .target(name: "Query", dependencies: ["Archive", "FinnishText"]),

        // The agents' web app and JSON API: HTTP, sign-in, rendering. No SQL here.
        .target(
            name: "ArkistoServer",
            dependencies: [
                "Archive", "Query", "Ingest", "MIME", "CCrypto", "Capture",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]),

        .executableTarget(
            name: "arkisto",
            dependencies: [
                "MIME", "Extract", "FinnishText", "Archive", "Ingest", "Query", "ArkistoServer", "Capture",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "FinnishTextTests", dependencies: ["FinnishText"]),
        .testTarget(name: "MIMETests", dependencies: ["MIME"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "MIME"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "QueryTests", dependencies: ["Query", "Archive"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Archive", "MIME", "Query"]),
        .testTarget(name: "CaptureTests", dependencies: ["Capture", "Ingest", "Archive", "Formats", "Query"]),
        .testTarget(name: "CLITests", dependencies: ["arkisto"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "ArkistoServer", "Archive", "Ingest", "Query", "Capture",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
