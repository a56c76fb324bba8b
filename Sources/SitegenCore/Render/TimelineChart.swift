/// An inline SVG bar chart of articles per month, for leader and topic pages.
///
/// Accessible: `role="img"` with a `<title>` and `<desc>` that state the figures, and
/// labelled axes. Colours come from `currentColor` and CSS classes, so it follows dark mode.
struct TimelineChart {
    /// How many months are shown at most, ending with the newest.
    var maxMonths = 36
    let width = 640, height = 180
    let left = 36, right = 8, top = 12, bottom = 40

    /// The chart for articles at `dates`, or nil when there are none.
    func svg(id: String, subject: String, dates: [NewsDate]) -> String? {
        guard let newest = dates.max(by: { $0.monthIndex < $1.monthIndex }),
            let oldest = dates.min(by: { $0.monthIndex < $1.monthIndex })
        else { return nil }
        let last = newest.monthIndex
        let first = max(oldest.monthIndex, last - maxMonths + 1)
        var counts = [Int](repeating: 0, count: last - first + 1)
        for date in dates where date.monthIndex >= first { counts[date.monthIndex - first] += 1 }
        let peak = max(1, counts.max() ?? 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let slot = Double(plotWidth) / Double(counts.count)
        let barWidth = max(1.0, slot * 0.7)
        let titleID = "timeline-\(id)-title", descID = "timeline-\(id)-desc"
        let busiest = counts.indices.max { counts[$0] < counts[$1] }!
        let description = "\(dates.count) articles from \(Self.label(first)) to \(Self.label(last)); "
            + "the busiest month was \(Self.label(first + busiest)) with \(counts[busiest])."
        var svg = "<svg class=\"timeline-chart\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" "
            + "viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleID)\">Articles per month about \(HTMLText.escape(subject))</title>"
        svg += "<desc id=\"\(descID)\">\(HTMLText.escape(description))</desc>"
        let baseline = top + plotHeight
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(baseline)\" x2=\"\(width - right)\" y2=\"\(baseline)\"/>"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(baseline)\"/>"
        svg += "<text class=\"tick\" x=\"\(left - 4)\" y=\"\(top + 4)\" text-anchor=\"end\">\(peak)</text>"
        svg += "<text class=\"tick\" x=\"\(left - 4)\" y=\"\(baseline)\" text-anchor=\"end\">0</text>"
        for (offset, count) in counts.enumerated() where count > 0 {
            let barHeight = Double(plotHeight) * Double(count) / Double(peak)
            let x = Double(left) + slot * Double(offset) + (slot - barWidth) / 2
            svg += "<rect class=\"bar\" x=\"\(Self.format(x))\" y=\"\(Self.format(Double(baseline) - barHeight))\" "
                + "width=\"\(Self.format(barWidth))\" height=\"\(Self.format(barHeight))\">"
                + "<title>\(Self.label(first + offset)): \(count)</title></rect>"
        }
        let labelled = counts.count <= 12
            ? Set(counts.indices) : Set([0, counts.count - 1] + counts.indices.filter { (first + $0) % 12 == 0 })
        for offset in labelled.sorted() {
            let x = Double(left) + slot * (Double(offset) + 0.5)
            svg += "<text class=\"tick\" x=\"\(Self.format(x))\" y=\"\(baseline + 14)\" text-anchor=\"middle\">"
                + "\(Self.shortLabel(first + offset))</text>"
        }
        svg += "<text class=\"axis-label\" x=\"\(left + plotWidth / 2)\" y=\"\(height - 4)\" text-anchor=\"middle\">Month</text>"
        svg += "<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"\(-(top + plotHeight / 2))\" y=\"12\" "
            + "text-anchor=\"middle\">Articles</text>"
        return svg + "</svg>"
    }

    private static func label(_ monthIndex: Int) -> String {
        "\(NewsDate.monthNames[monthIndex % 12]) \(monthIndex / 12)"
    }

    private static func shortLabel(_ monthIndex: Int) -> String {
        "\(NewsDate.monthNames[monthIndex % 12].prefix(3)) \(monthIndex / 12)"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension NewsDate {
    /// Months since year 0, for counting per month.
    var monthIndex: Int { year * 12 + month - 1 }
}
