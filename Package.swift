// swift-tools-version:6.2
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "planwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "planwatch", targets: ["planwatch"]),
        .library(name: "PlanCore", targets: ["PlanCore"]),
        .library(name: "PlanStore", targets: ["PlanStore"]),
        .library(name: "PlanWeb", targets: ["PlanWeb"]),
    ],
    dependencies: [
        // Without the default ConfigurationSupport trait: Planwatch reads its settings with
        // ArgumentParser, and swift-configuration would be built for nothing.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.25.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "PlanCore",
            // Yams only: the domain starts compiling while the server's packages still build.
            dependencies: [
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict,
            plugins: ["EmbedResources"]
        ),
        .target(
            name: "PlanStore",
            dependencies: [
                "PlanCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PlanWeb",
            dependencies: [
                "PlanCore",
                "PlanStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["openapi.yaml", "openapi-generator-config.yaml"],
            swiftSettings: strict,
            // The API's server code is generated from openapi.yaml by scripts/generate-openapi and
            // committed (API/Generated), so the generator is not part of this build.
            plugins: ["EmbedResources"]
        ),
        .executableTarget(
            name: "planwatch",
            dependencies: [
                "PlanCore",
                "PlanStore",
                "PlanWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "EmbedTool", path: "Plugins/EmbedTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .executableTarget(
            name: "planwatch-bench",
            dependencies: ["PlanCore", "PlanStore"],
            path: "Benchmarks/Sources/planwatch-bench",
            swiftSettings: strict
        ),
        .testTarget(
            name: "PlanCoreTests",
            dependencies: [
                "PlanCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["PeerComparison"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PlanStoreTests",
            dependencies: ["PlanCore", "PlanStore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PlanWebTests",
            dependencies: [
                "PlanWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ]
)

// The libFuzzer executable, only when asked for (`PLANWATCH_FUZZ=1`, see Fuzz/README.md). The build
// instruments every module (ASan and libFuzzer's coverage); it links libFuzzer's driver
// without its main (SwiftPM gives every executable its own main, which hands over to the driver).
if ProcessInfo.processInfo.environment["PLANWATCH_FUZZ"] != nil {
    let clang = ["/opt/swift/usr/lib/clang", "/usr/lib/swift/clang", "/usr/lib/clang"]
        .flatMap { root in ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).map { "\(root)/\($0)/lib/linux" } }
    let driver = clang.map { "\($0)/libclang_rt.fuzzer_no_main-x86_64.a" }.first { FileManager.default.fileExists(atPath: $0) } ?? "libclang_rt.fuzzer_no_main.a"
    package.targets.append(.executableTarget(name: "Fuzzer", dependencies: ["PlanCore", "PlanStore"], path: "Fuzz/Fuzzer",
                                             linkerSettings: [.unsafeFlags(["-sanitize=address", "-use-ld=lld", "-Xlinker", driver, "-Xlinker", "-lstdc++"])]))
}
