/// A publication date as written in front matter: a calendar day, optionally with a time and
/// a UTC offset. The URL and displayed date use the day as written; ordering uses the instant.
struct NewsDate: Hashable, Sendable, Comparable {
    let year: Int
    let month: Int
    let day: Int
    /// Seconds since midnight, local to `offsetSeconds`; 0 for a plain date.
    let secondOfDay: Int
    /// Seconds east of UTC; 0 for a plain date (taken as midnight UTC).
    let offsetSeconds: Int
    /// Whether a time of day was written.
    let hasTime: Bool

    /// Seconds since 1970-01-01T00:00:00Z.
    var instant: Int {
        Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + secondOfDay - offsetSeconds
    }

    static func < (lhs: NewsDate, rhs: NewsDate) -> Bool { lhs.instant < rhs.instant }

    /// Parses `2025-11-24`, `2025-11-24T21:30`, `2025-11-24T21:30:00Z`, `2025-11-24 21:30:00+08:00`.
    /// Returns nil for anything else, including impossible days such as 2025-02-30.
    init?(parsing text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func expect(_ char: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == char else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        var seconds = 0, offset = 0, hasTime = false
        if index < bytes.count {
            guard expect(84) || expect(32),  // "T" or " "
                let hour = number(2), hour < 24, expect(58), let minute = number(2), minute < 60
            else { return nil }
            var second = 0
            if expect(58) {
                guard let value = number(2), value < 60 else { return nil }
                second = value
                if expect(46) {  // fractional seconds are accepted and dropped
                    while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                }
            }
            seconds = hour * 3600 + minute * 60 + second
            hasTime = true
            if expect(90) {  // "Z"
            } else if index < bytes.count {
                let sign: Int
                if expect(43) { sign = 1 } else if expect(45) { sign = -1 } else { return nil }
                guard let hours = number(2), hours <= 14 else { return nil }
                _ = expect(58)
                guard let minutes = number(2), minutes < 60 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard index == bytes.count else { return nil }
        self.init(year: year, month: month, day: day, secondOfDay: seconds, offsetSeconds: offset, hasTime: hasTime)
    }

    init(year: Int, month: Int, day: Int, secondOfDay: Int = 0, offsetSeconds: Int = 0, hasTime: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.secondOfDay = secondOfDay
        self.offsetSeconds = offsetSeconds
        self.hasTime = hasTime
    }

    /// The UTC date-time of a Unix time, as used for `--now` and `SOURCE_DATE_EPOCH`.
    init(unixTime: Int) {
        let days = unixTime >= 0 ? unixTime / 86_400 : (unixTime - 86_399) / 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        self.init(year: y, month: m, day: d, secondOfDay: unixTime - days * 86_400, hasTime: true)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension NewsDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// `2025-11-24`.
    var isoDay: String { PaddedText.make(capacity: Self.isoDayCapacity(year)) { appendISODay(to: &$0) } }

    /// `2025-11-24T21:30:00-05:00`, or `2025-11-24T00:00:00Z` for a plain date.
    var iso8601: String {
        let hours = secondOfDay / 3600, magnitude = abs(offsetSeconds)
        let capacity = Self.isoDayCapacity(year) + 1 + PaddedText.length(of: hours, width: 2) + 6 + 1
            + (offsetSeconds == 0 ? 0 : PaddedText.length(of: magnitude / 3600, width: 2) + 3)
        return PaddedText.make(capacity: capacity) { text in
            appendISODay(to: &text)
            text.append(byte: UInt8(ascii: "T"))
            text.append(hours, width: 2)
            text.append(byte: UInt8(ascii: ":"))
            text.append(secondOfDay / 60 % 60, width: 2)
            text.append(byte: UInt8(ascii: ":"))
            text.append(secondOfDay % 60, width: 2)
            guard offsetSeconds != 0 else {
                text.append(byte: UInt8(ascii: "Z"))
                return
            }
            text.append(byte: offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            text.append(magnitude / 3600, width: 2)
            text.append(byte: UInt8(ascii: ":"))
            text.append(magnitude / 60 % 60, width: 2)
        }
    }

    private static func isoDayCapacity(_ year: Int) -> Int { PaddedText.length(of: year, width: 4) + 6 }

    private func appendISODay(to text: inout PaddedText) {
        text.append(year, width: 4)
        text.append(byte: UInt8(ascii: "-"))
        text.append(month, width: 2)
        text.append(byte: UInt8(ascii: "-"))
        text.append(day, width: 2)
    }

    /// `24 November 2025`.
    var display: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    /// `November 2025`.
    var monthDisplay: String { "\(Self.monthNames[month - 1]) \(year)" }

    /// RFC 822 in UTC, as RSS wants: `Mon, 24 Nov 2025 00:00:00 +0000`.
    var rfc822: String {
        let utc = NewsDate(unixTime: instant)
        let days = Self.daysFromCivil(year: utc.year, month: utc.month, day: utc.day)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = String(Self.monthNames[utc.month - 1].prefix(3))
        let s = utc.secondOfDay
        return "\(weekday), \(PaddedText.padded(utc.day)) \(month) \(utc.year) "
            + "\(PaddedText.padded(s / 3600)):\(PaddedText.padded(s / 60 % 60)):\(PaddedText.padded(s % 60)) +0000"
    }
}
