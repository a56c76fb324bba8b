extension RawTitle {
    /// For every offset `i` (0...count), how many words `chars[..<i]` holds, as `wordCount`
    /// counts them: runs of non-white-space Characters with a letter or digit, a run cut at
    /// `i` included. One pass, so that trying every clause boundary of a sentence is linear:
    /// counting each prefix anew made a first sentence of 10,000 dashes take three minutes.
    static func wordCounts(_ chars: [Character]) -> [Int] {
        var counts = [0]
        counts.reserveCapacity(chars.count + 1)
        var finished = 0
        var inWord = false
        var wordHasLetter = false
        for character in chars {
            if CharacterTest.isWhitespace(character) {
                if inWord && wordHasLetter { finished += 1 }
                inWord = false
                wordHasLetter = false
            } else {
                inWord = true
                if CharacterTest.isLetter(character) || CharacterTest.isNumber(character) { wordHasLetter = true }
            }
            counts.append(finished + (inWord && wordHasLetter ? 1 : 0))
        }
        return counts
    }
}
