// swift-tools-version:6.0
// The OpenAPI generator, kept out of the product's build graph: `scripts/generate-openapi` runs
// it when Sources/PlanWeb/openapi.yaml changes, and CI checks that the committed code is what it
// makes of the committed document. Pinned exactly, so the same document always gives the same code.
import PackageDescription

let package = Package(
    name: "OpenAPIGeneration",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3"),
    ],
    targets: []
)
