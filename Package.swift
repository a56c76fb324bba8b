// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["SitegenCLI"]),
        .library(name: "TemplateEngine", targets: ["TemplateEngine"]),
        .library(name: "SitegenCore", targets: ["SitegenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "MarkdownHTML", dependencies: ["CCmark"]),
        .target(name: "TemplateEngine"),
        .target(
            name: "SitegenCore",
            dependencies: ["MarkdownHTML", "TemplateEngine", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "SitegenCLI",
            dependencies: ["SitegenCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine"]),
        .testTarget(name: "MarkdownHTMLTests", dependencies: ["MarkdownHTML"]),
        .testTarget(name: "SitegenCoreTests", dependencies: ["SitegenCore"], exclude: ["Fixtures"]),
        .testTarget(name: "SitegenCLITests", dependencies: ["SitegenCLI"]),
    ]
)
