/// Escaping of plain text for HTML.
enum HTMLText {
    /// `text` with `&`, `<`, `>` and `"` replaced by entities, safe in element content and
    /// in double-quoted attribute values.
    static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
