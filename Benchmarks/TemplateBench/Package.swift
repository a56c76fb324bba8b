// swift-tools-version:6.0
import PackageDescription

// Renders one realistic article page with sitegen's TemplateEngine and with swift-mustache.
// Run it from the repository root with `make bench-templates`.
let package = Package(
    name: "TemplateBench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "template-bench", targets: ["TemplateBench"])
    ],
    dependencies: [
        .package(name: "sitegen", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "TemplateBench",
            dependencies: [
                .product(name: "TemplateEngine", package: "sitegen"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        )
    ]
)
