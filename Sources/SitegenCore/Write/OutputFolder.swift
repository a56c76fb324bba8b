import Foundation

/// Decides whether a folder may be used as the output folder (DESIGN §5).
enum OutputFolder {
    /// Refuses `/`, the home folder, the project root, any folder that contains the content
    /// or templates folder, and any folder inside them. Symbolic links are resolved first.
    static func check(_ paths: ProjectPaths) throws(SitegenError) {
        let output = resolved(paths.output)
        let display = paths.display(paths.output)
        func refuse(_ why: String) -> SitegenError {
            SitegenError(.outputRefused(display, why: why), at: nil)
        }
        if output == "/" { throw refuse("it is the file system root") }
        let home = resolved(FileManager.default.homeDirectoryForCurrentUser)
        if output == home { throw refuse("it is the home folder") }
        if output == resolved(paths.root) { throw refuse("it is the project root (hint: use --output Output)") }
        for (name, folder) in [("content", paths.content), ("templates", paths.templates)] {
            let inner = resolved(folder)
            if inner == output || inner.hasPrefix(output + "/") {
                throw refuse("it contains the \(name) folder")
            }
            if output.hasPrefix(inner + "/") { throw refuse("it is inside the \(name) folder") }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw refuse("it is a file, not a folder")
        }
    }

    /// The absolute path with symbolic links resolved, without a trailing slash.
    static func resolved(_ url: URL) -> String {
        var path = url.standardizedFileURL.resolvingSymlinksInPath().path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
