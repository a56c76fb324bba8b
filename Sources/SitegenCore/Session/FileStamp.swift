#if canImport(Glibc)
    import Glibc
#endif

/// What tells a file apart from its earlier self without reading it.
struct FileStamp: Equatable, Sendable {
    var path: String
    var exists = false
    var size = -1
    var inode: UInt64 = 0
    var modified = timespec()
    var changed = timespec()

    init(path: String) { self.init(path: path, at: path) }

    /// The stamp of the file at `location`, recorded under `path` (a path relative to a folder).
    init(path: String, at location: String) {
        var info = stat()
        guard lstat(location, &info) == 0 else {
            self.init(label: path)
            return
        }
        self.init(path: path, info: info)
    }

    /// The stamp of a file from its `stat` (from `fstat` on a file being read, so that the
    /// stamp is of the file the bytes came from).
    init(path: String, info: stat) {
        self.path = path
        exists = true
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    /// A stamp for something that is not a file, such as the build options.
    init(label: String) { path = label }

    static func == (lhs: FileStamp, rhs: FileStamp) -> Bool {
        lhs.path == rhs.path && lhs.exists == rhs.exists && lhs.size == rhs.size && lhs.inode == rhs.inode
            && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
            && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }
}
