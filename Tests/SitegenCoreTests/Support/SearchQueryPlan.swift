@testable import SitegenCore

/// What `Templates/assets/search.js` downloads for one query, worked out in Swift by the same
/// rules: `meta.json` and the script, the shards of the query's terms (for the last word, typed
/// as a prefix, the run of shards of the words it starts, within the prefix budget), and the
/// `docs` files of the first page of ranked results.
struct SearchQueryPlan {
    let site: Site
    let postings: [String: SearchIndex.Posting]
    let shards: [SearchIndex.Shard]
    /// Output path → bytes, for `meta.json` and the `docs` files.
    let sizes: [String: Int]
    let scriptBytes: Int

    init(site: Site, scriptBytes: Int) {
        self.site = site
        let index = SearchIndex(site: site)
        let documents = try! index.documents()  // a site made in memory: no file to read
        postings = SearchIndex.postings(documents)
        shards = SearchIndex.shards(postings)
        var sizes = ["search/meta.json": index.meta(shards: shards).serialized().utf8.count + 1]
        for file in index.docs() { sizes[file.path] = file.contents.count }
        self.sizes = sizes
        self.scriptBytes = scriptBytes
    }

    struct Term {
        var text: String
        var isPrefix: Bool
        var forms: [String]
    }

    /// The query's terms, as `parse` in search.js.
    func terms(_ query: String) -> [Term] {
        let words = SearchFolding.words(inFolded: SearchFolding.fold(query))
        let prefix = query.unicodeScalars.last.map(SearchFolding.isWordScalar) ?? false
        var terms: [Term] = []
        for (index, word) in words.enumerated() {
            let isPrefix = prefix && index == words.count - 1
            if word.unicodeScalars.count < SearchFolding.minLength || (!isPrefix && !SearchFolding.isSearchable(word)) { continue }
            if !terms.contains(where: { $0.text == word }) { terms.append(Term(text: word, isPrefix: isPrefix, forms: forms(word))) }
        }
        return terms
    }

    /// A word and its English plural or singular, as `formsOf` in search.js.
    func forms(_ word: String) -> [String] {
        guard site.config.language.hasPrefix("en"), word.unicodeScalars.count >= 3 else { return [word] }
        if !word.hasSuffix("s") { return [word, word + "s"] }
        let keeps = ["ss", "us", "is", "news"].contains { word.hasSuffix($0) }
        return word.utf16.count >= 4 && !keeps ? [word, String(word.dropLast())] : [word]
    }

    /// The shards a term needs, as `shardsFor` in search.js; a prefix past the budget becomes exact.
    func shardIndexes(for term: inout Term) -> [Int] {
        var exact: [Int] = []
        for form in term.forms {
            if let index = SearchIndex.shardIndex(for: form, in: shards), !exact.contains(index) { exact.append(index) }
        }
        guard term.isPrefix, let range = SearchIndex.shardIndexes(forPrefix: term.text, in: shards) else { return exact }
        let bytes = range.reduce(0) { $0 + shards[$1].text.utf8.count }
        if range.count > 1, bytes > SearchIndex.prefixBudget {
            term.isPrefix = false
            return exact
        }
        return Array(range) + exact.filter { !range.contains($0) }
    }

    /// Every file the query downloads, with its size in bytes.
    func downloads(_ query: String) -> [String: Int] {
        var files = ["search/meta.json": sizes["search/meta.json"]!, "assets/search.js": scriptBytes]
        var terms = terms(query)
        guard !terms.isEmpty else { return files }
        // Per article: how many terms it has, and how many in its title or a leader's name.
        let count = site.articles.count
        var matches = [Int](repeating: 0, count: count), strong = [Int](repeating: 0, count: count)
        for index in terms.indices {
            let fetched = shardIndexes(for: &terms[index])
            for shard in fetched { files["search/index/\(shard).json"] = shards[shard].text.utf8.count }
            let term = terms[index]
            var seen = [Bool](repeating: false, count: count), seenStrong = seen
            for word in fetched.flatMap({ shards[$0].terms })
            where term.forms.contains(word) || (term.isPrefix && word.utf16.starts(with: term.text.utf16)) {
                for number in postings[word]!.all { seen[Int(number)] = true }
                for number in postings[word]!.strong { seenStrong[Int(number)] = true }
            }
            for number in 0..<count {
                if seen[number] { matches[number] += 1 }
                if seenStrong[number] { strong[number] += 1 }
            }
        }
        let ranked = (0..<count).filter { matches[$0] == terms.count }
            .sorted { strong[$0] != strong[$1] ? strong[$0] > strong[$1] : $0 < $1 }
        for number in ranked.prefix(SearchIndex.pageSize) {
            let path = "search/docs/\(number / SearchIndex.chunkSize).json"
            files[path] = sizes[path]!
        }
        return files
    }
}
