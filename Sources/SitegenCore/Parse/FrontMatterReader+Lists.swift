extension FrontMatterReader {
    /// What a list key expects, with an example of its own kind of values.
    static func listExample(for key: String) -> String {
        switch key {
        case "leaders": return "a list of leader ids, such as [xi-jinping, donald-trump]"
        case "topics": return "a list of topic ids, such as [trade, tariffs]"
        case "handles": return "a list of handles, such as [\"@realDonaldTrump\"]"
        default: return "a list of names, such as [Xi Jinping, Xi]"
        }
    }
}
