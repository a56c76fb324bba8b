// swift-tools-version:6.0
// libFuzzer targets for sitegen's parsers. Kept apart from the root package so that
// `swift build` and `swift test` there never need the fuzzer runtime. Build and run with
// `make fuzz` from the repository root (see README, "Fuzzing").
import PackageDescription

let package = Package(
    name: "sitegen-fuzz",
    dependencies: [.package(name: "sitegen", path: "..")],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "FrontMatterFuzzer",
            dependencies: ["FuzzerDriver", .product(name: "SitegenCore", package: "sitegen")]),
        .executableTarget(
            name: "RawTextFuzzer",
            dependencies: ["FuzzerDriver", .product(name: "SitegenCore", package: "sitegen")]),
        .executableTarget(
            name: "TemplateFuzzer",
            dependencies: ["FuzzerDriver", .product(name: "TemplateEngine", package: "sitegen")]),
    ]
)
