// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NextYes",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nextyes", targets: ["nextyes"]),
        .library(name: "NextYesCore", targets: ["NextYesCore"]),
        .library(name: "NextYesInsights", targets: ["NextYesInsights"]),
        .library(name: "NextYesStore", targets: ["NextYesStore"]),
        .library(name: "NextYesFeatures", targets: ["NextYesFeatures"]),
        .library(name: "NextYesWeb", targets: ["NextYesWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
    ],
    targets: [
        .target(name: "NextYesCore"),
        .target(
            name: "NextYesInsights",
            dependencies: ["NextYesCore"],
            // taxonomy.tsv is the source; the program loads its compiled image, taxonomy.bin.
            exclude: ["Resources/README.md", "Resources/taxonomy.tsv"],
            resources: [
                .copy("Resources/taxonomy.bin"),
                .copy("Resources/interview-questions.json"),
                .copy("Resources/crisis.model"),
                .copy("Resources/mail-rejection.model"),
                .copy("Resources/mail-interview-invite.model"),
                .copy("Resources/mail-assessment.model"),
                .copy("Resources/mail-acknowledgement.model"),
                .copy("Resources/mail-offer.model"),
                .copy("Resources/mail-other.model"),
            ]
        ),
        .target(
            name: "NextYesStore",
            dependencies: [
                "NextYesCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // The use cases: the only way the adapters below (web app, command line) reach the data.
        .target(
            name: "NextYesFeatures",
            dependencies: ["NextYesCore", "NextYesInsights", "NextYesStore"]
        ),
        .target(
            name: "NextYesWeb",
            dependencies: [
                "NextYesCore",
                "NextYesInsights",
                "NextYesFeatures",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(
            name: "nextyes",
            dependencies: [
                "NextYesCore",
                "NextYesInsights",
                "NextYesFeatures",
                "NextYesWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "nextyes-train", dependencies: ["NextYesCore", "NextYesInsights"]),
        .testTarget(name: "NextYesCoreTests", dependencies: ["NextYesCore"]),
        .testTarget(name: "NextYesInsightsTests", dependencies: ["NextYesInsights"]),
        .testTarget(name: "NextYesStoreTests", dependencies: ["NextYesStore", "NextYesFeatures"]),
        .testTarget(
            name: "NextYesWebTests",
            dependencies: [
                "NextYesWeb",
                "NextYesStore",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(name: "NextYesCLITests", dependencies: ["nextyes"]),
    ]
)
