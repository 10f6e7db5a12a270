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
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.0"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor.git", from: "1.2.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.0"),
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
                .copy("Resources/skills-tagger.model"),
                .copy("Resources/interview-questions.json"),
                .copy("Resources/crisis.model"),
                .copy("Resources/mail-rejection.model"),
                .copy("Resources/mail-interview-invite.model"),
                .copy("Resources/mail-assessment.model"),
                .copy("Resources/mail-acknowledgement.model"),
                .copy("Resources/mail-offer.model"),
                .copy("Resources/mail-other.model"),
                .copy("Resources/mail-company.model"),
                .copy("Resources/posting-company.model"),
                .copy("Resources/feedback-generic.model"),
                .copy("Resources/feedback-reason-skills-gap.model"),
                .copy("Resources/feedback-reason-experience-level.model"),
                .copy("Resources/feedback-reason-interview-performance.model"),
                .copy("Resources/feedback-reason-application-materials.model"),
                .copy("Resources/feedback-reason-culture-fit.model"),
                .copy("Resources/feedback-reason-salary-mismatch.model"),
                .copy("Resources/feedback-reason-location.model"),
                .copy("Resources/feedback-reason-internal-candidate.model"),
                .copy("Resources/feedback-reason-more-experienced-candidate.model"),
                .copy("Resources/feedback-reason-position-filled.model"),
                .copy("Resources/feedback-reason-hiring-freeze.model"),
                .copy("Resources/feedback-reason-budget.model"),
                .copy("Resources/feedback-reason-role-on-hold.model"),
                .copy("Resources/feedback-reason-role-changed.model"),
                .copy("Resources/feedback-reason-timing.model"),
                .copy("Resources/feedback-theme-technical-skills-strength.model"),
                .copy("Resources/feedback-theme-technical-skills-improvement.model"),
                .copy("Resources/feedback-theme-communication-strength.model"),
                .copy("Resources/feedback-theme-communication-improvement.model"),
                .copy("Resources/feedback-theme-problem-solving-strength.model"),
                .copy("Resources/feedback-theme-problem-solving-improvement.model"),
                .copy("Resources/feedback-theme-teamwork-strength.model"),
                .copy("Resources/feedback-theme-teamwork-improvement.model"),
                .copy("Resources/feedback-theme-adaptability-strength.model"),
                .copy("Resources/feedback-theme-adaptability-improvement.model"),
                .copy("Resources/feedback-theme-leadership-strength.model"),
                .copy("Resources/feedback-theme-leadership-improvement.model"),
                .copy("Resources/trap-all-or-nothing.model"),
                .copy("Resources/trap-overgeneralizing.model"),
                .copy("Resources/trap-labeling.model"),
                .copy("Resources/trap-fortune-telling.model"),
                .copy("Resources/trap-mind-reading.model"),
                .copy("Resources/trap-catastrophizing.model"),
                .copy("Resources/trap-personalizing.model"),
                .copy("Resources/trap-should-statements.model"),
                .copy("Resources/trap-emotional-reasoning.model"),
                .copy("Resources/trap-disqualifying-the-positive.model"),
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
            dependencies: [
                "NextYesCore", "NextYesInsights", "NextYesStore",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "NextYesWeb",
            dependencies: [
                "NextYesCore",
                "NextYesInsights",
                "NextYesFeatures",
                "NextYesAPI",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // The JSON API under /api/v1. Types.swift and Server.swift are generated from
        // openapi.yaml by scripts/generate-api and committed (the generator is not part of the build).
        .target(
            name: "NextYesAPI",
            dependencies: [
                "NextYesCore",
                "NextYesInsights",
                "NextYesFeatures",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "Vapor", package: "vapor"),
            ],
            exclude: ["openapi-generator-config.yaml", "openapi.yaml"],
            resources: [.copy("openapi.json")]
        ),
        // `nextyes mcp`: the Model Context Protocol over stdio, for the person's own assistant.
        .target(
            name: "NextYesMCP",
            dependencies: [
                "NextYesCore",
                "NextYesInsights",
                "NextYesFeatures",
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .executableTarget(
            name: "nextyes",
            dependencies: [
                "NextYesCore",
                "NextYesInsights",
                "NextYesFeatures",
                "NextYesWeb",
                "NextYesMCP",
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
                "NextYesMCP",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .testTarget(name: "NextYesCLITests", dependencies: ["nextyes"]),
        .testTarget(name: "NextYesMCPTests", dependencies: ["NextYesMCP", "NextYesFeatures", .product(name: "MCP", package: "swift-sdk")]),
    ]
)
