// swift-tools-version:6.0
import PackageDescription

// Times sitegen's incremental rebuild (`SiteSession`) on a generated corpus: one edited
// article title at N articles. Run by `make bench` (see Benchmarks/sitebench.py).
let package = Package(
    name: "SiteBench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "site-bench", targets: ["SiteBench"])
    ],
    dependencies: [
        .package(name: "sitegen", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "SiteBench",
            dependencies: [
                .product(name: "SitegenCore", package: "sitegen"),
                .product(name: "CJemallocSettings", package: "sitegen"),
            ],
            // The allocator the `sitegen` executable links, with its settings (README,
            // "Performance"), so that an edit is timed as `serve` makes it.
            linkerSettings: [.linkedLibrary("jemalloc")]
        )
    ]
)
