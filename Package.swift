// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sitegen", targets: ["SitegenCLI"]),
        .library(name: "TemplateEngine", targets: ["TemplateEngine"]),
        // For the libFuzzer targets in Fuzz/, which reach SitegenCore only through FuzzEntryPoints.
        .library(name: "SitegenCore", targets: ["SitegenCore"]),
        // For Benchmarks/SiteBench, which times `serve`'s edits with the executable's allocator settings.
        .library(name: "CJemallocSettings", targets: ["CJemallocSettings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", .upToNextMinor(from: "0.27.1")),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The executable's allocator, in place of the C library's malloc (BENCHMARKS.md).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"]), .brew(["jemalloc"])]
        ),
        // jemalloc's settings (`malloc_conf`: transparent huge pages), for the executable only.
        .target(name: "CJemallocSettings"),
        .target(name: "MarkdownHTML", dependencies: ["CCmark"]),
        .target(name: "TemplateEngine"),
        .target(
            name: "SitegenCore",
            dependencies: ["MarkdownHTML", "TemplateEngine", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "SitegenServer", dependencies: ["SitegenCore", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "SitegenCLI",
            dependencies: [
                "SitegenCore", "SitegenServer", "CJemalloc", "CJemallocSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine"]),
        .testTarget(name: "MarkdownHTMLTests", dependencies: ["MarkdownHTML"]),
        .testTarget(name: "SitegenCoreTests", dependencies: ["SitegenCore"], exclude: ["Fixtures"]),
        .testTarget(name: "SitegenCLITests", dependencies: ["SitegenCLI"]),
        .testTarget(name: "SitegenServerTests", dependencies: ["SitegenServer", "SitegenCore"]),
    ]
)
