import TemplateEngine

/// The data of one article page, as sitegen's page contexts would give it to the template.
enum PageData {
    static let value: TemplateValue = [
        "site": [
            "title": "World Leaders Daily",
            "description": "News about world leaders & the issues between them.",
            "baseURL": "https://example.org/news/",
            "language": "en",
            "publisher": "Example News Ltd",
            "year": 2025,
            "navigation": [
                ["title": "Home", "path": ""],
                ["title": "Leaders", "path": "leaders/"],
                ["title": "Topics", "path": "topics/"],
                ["title": "Archives", "path": "2025/"],
                ["title": "Search", "path": "search/"],
            ],
        ],
        "article": [
            "slug": "summit-ends-without-deal",
            "path": "2025/11/24/summit-ends-without-deal/",
            "title": "Summit ends without a deal on \"fair\" trade & tariffs",
            "summary":
                "Leaders left Geneva on Sunday with <no> agreement on tariffs, but promised to meet again.",
            "author": "Jane O'Neill",
            "date": "2025-11-24",
            "dateText": "24 November 2025",
            "updated": "2025-11-25",
            "updatedText": "25 November 2025",
            "readingMinutes": 6,
            "topic": ["slug": "trade", "name": "Trade"],
            "source": ["name": "Wire & Co", "url": "https://wire.example.com/a?id=1&lang=en"],
            "body": .string(body),
            "leaders": [
                ["slug": "leader-a", "name": "Ana Álvarez", "role": "President", "country": "Country A"],
                ["slug": "leader-b", "name": "Bo Berg", "role": "Prime Minister", "country": "Country B"],
                ["slug": "leader-c", "name": "Chen Cai", "role": "Premier", "country": "Country C"],
            ],
        ],
        "related": .list((1...50).map(relatedArticle)),
    ]

    static func relatedArticle(_ number: Int) -> TemplateValue {
        let topics: TemplateValue = number % 4 == 0 ? [] : [["name": "Trade"], ["name": "Diplomacy"]]
        return [
            "url": .string("https://example.org/news/2025/10/\(number % 28 + 1)/story-\(number)/"),
            "title": .string("Story \(number): \"next steps\" on tariffs & quotas"),
            "date": .string("2025-10-\(number % 28 + 1)"),
            "dateText": .string("\(number % 28 + 1) October 2025"),
            "summary": .string("Related story \(number) on <trade> talks."),
            "isFeatured": .bool(number % 10 == 1),
            "topics": topics,
        ]
    }

    static let body = (1...4).map { number in
        "<p>Paragraph \(number) of the article. Leaders met for a second day of talks that "
            + "covered tariffs, quotas and the future of the trade agreement; officials said "
            + "the mood was &ldquo;constructive&rdquo; but that no text had been agreed.</p>"
    }.joined(separator: "\n")

    /// The same data as Foundation-free `Any` values, the form swift-mustache reads.
    static func anyValue(_ value: TemplateValue) -> Any {
        switch value {
        case .null: return Optional<String>.none as Any
        case .bool(let bool): return bool
        case .int(let int): return int
        case .double(let double): return double
        case .string(let string): return string
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .list(let list): return list.map(anyValue)
        case .object(let object): return Dictionary(uniqueKeysWithValues: object.map { ($0.key, anyValue($0.value)) })
        case .shared(let shared): return anyValue(shared.value)
        }
    }
}
