package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature keys are 64-bit hashes of a template number and its values. They are
// computed without allocating: every word is described once per sentence by a
// wordInfo, and templates combine its hashes with mix.

const (
	nPrefix = 4 // prefixes of 1..nPrefix runes
	nSuffix = 5 // suffixes of 1..nSuffix runes
)

// Word flags.
const (
	flagUpper    = 1 << iota // first rune is upper case
	flagAllUpper             // every letter is upper case (and there is one)
	flagDigit                // contains a digit
	flagHyphen               // contains a hyphen
	flagAllDigit             // only digits and , . : / -
	flagFirst                // first word of the sentence
	flagLetter               // contains a letter
	flagInnerUp              // an upper-case letter after the first rune
	flagQuote                // a double quote
	flagQuoteOdd             // a double quote after an odd number of double quotes
)

// Sentence case styles: capitalisation says less in headlines and shouting.
const (
	caseNormal = iota
	caseLower  // no capital letters at all
	caseTitle  // most longer words capitalised
	caseUpper  // most words all capitals
)

// wordInfo holds everything the templates need to know about one word.
type wordInfo struct {
	form   uint64 // exact (normalised) form
	lower  uint64 // lower-cased form, digits collapsed for long numbers
	pre    [nPrefix]uint64
	suf    [nSuffix]uint64
	shape  uint64
	flags  uint64
	class  uint64 // ambiguity class: bit set of tags seen with the word, 0 if unknown
	lclass uint64 // ambiguity class of the lower-cased form
	length uint64
	scase  uint64 // case style of the sentence
	sure   int    // tag index when the dictionary is sure of the word, else -1
	own    int32  // index of the word in the model's dictionary, else -1
	stem   uint64 // suffix rule << 56 ^ class of the stem, 0 if none applies
	affix  uint64 // prefix or hyphen rule << 56 ^ class of the rest, 0 if none
	wn     uint64 // WordNet readings (wn* bits), 0 if none or no lexicon
	clu    uint32 // word classes (see clusters), 0 if none
	cluKey uint64 // the word's clusterHash
	ending uint8  // inflectional endings the word has (ending* bits)
}

// Inflectional endings that some tags need on a word the dictionary does not
// know (see Model.allowed).
const (
	endingIng uint8 = 1 << iota // -ing, or -in/-in' as web text spells it
	endingEr                    // -er
)

// endings returns the ending* bits of w, ignoring case.
func endings(w string) uint8 {
	switch {
	case endsFold(w, "ing"), endsFold(w, "in"), endsFold(w, "in'"), endsFold(w, "in\u2019"):
		return endingIng
	case endsFold(w, "er"):
		return endingEr
	}
	return 0
}

// endsFold reports whether w ends with suffix, ignoring case; it does not
// allocate.
func endsFold(w, suffix string) bool {
	return len(w) >= len(suffix) && strings.EqualFold(w[len(w)-len(suffix):], suffix)
}

// Template numbers. They only need to be distinct; changing them changes the
// meaning of trained weights, so the model format version must change too.
// Every template number must be written with iota (a bare name after an
// explicit expression would repeat that expression, not continue counting).
const (
	tBias = iota + 1
	tW0
	tF0
	tWm1
	tWp1
	tWm2
	tWp2
	tPre // tPre+k: prefix of k+1 runes
	_
	_
	_
	tSuf // tSuf+k: suffix of k+1 runes
	_
	_
	_
	_
	tShape0
	tShapeM1
	tShapeP1
	tFlags0
	tTm1
	tTm2
	tTm1Tm2
	tTm1W0
	tWm1W0
	tW0Wp1
	tSufM1
	tSufP1
	tClass0
	tClassP1
	tClassM1
	tClassP2
	tTm1ClassP1
	tCaseShape
	tCaseClass
	tLClass0
	tLen0
	tTm1Suf0
	tWm1Wp1
	tFlagsShape
	tClass0Suf
	// Second pass: tags to the right from the first pass.
	tTp1
	tTp2
	tTp1Tp2
	tTm1Tp1
	tTp1W0
	tTp1Suf0
	tTp1Class0
	tTm1Tp1W0
	tTm2Tm1Tp1
	tTp1Wp1
	tStem    // suffix rule and the dictionary class of the stem it leaves
	tAffix   // prefix or hyphen rule and the class of the rest
	tWN      // WordNet readings
	tWNCase  // WordNet readings and capitalisation
	tClu0    // fine word class
	tCluC0   // coarse word class
	tCluCase // fine word class and capitalisation
	tCluM1   // fine word class of the previous word
	tCluP1   // fine word class of the next word
	tCluM1C0 // fine word classes of the previous word and this one
	tCluC0P1 // fine word classes of this word and the next
	tCluTm1  // previous tag and this word's fine class
	tCluP2   // fine word class of the word after next
)

const (
	m1 = 0x9E3779B97F4A7C15
	m2 = 0xBF58476D1CE4E5B9
	m3 = 0x94D049BB133111EB
)

// mix combines a template and up to two values into a non-zero 64-bit key.
func mix(t, a, b uint64) uint64 {
	x := t*m1 ^ a
	x = (x ^ x>>31) * m2
	x ^= b
	x = (x ^ x>>29) * m3
	x ^= x >> 32
	if x == 0 {
		x = 1
	}
	return x
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= fnvPrime
	h ^= uint64(r) >> 16
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// describe fills in the form-derived fields of wi (not class and sure).
func describe(wi *wordInfo, w string) {
	*wi = wordInfo{sure: -1, own: -1}
	wi.form = hashString(w)
	var flags uint64
	letters, uppers, digits := 0, 0, 0
	sym := false
	lower := uint64(fnvOffset)
	cluKey := uint64(fnvOffset)
	shape := uint64(fnvOffset)
	var lastClass rune = -1
	n := 0
	for i, r := range w {
		lr := r
		var c rune
		switch {
		case unicode.IsUpper(r):
			letters++
			uppers++
			lr = unicode.ToLower(r)
			c = 'X'
			if i > 0 {
				flags |= flagInnerUp
			}
		case unicode.IsLetter(r):
			letters++
			c = 'x'
		case r >= '0' && r <= '9' || unicode.IsDigit(r):
			digits++
			c = 'd'
		default:
			c = r
			if r == '-' {
				flags |= flagHyphen
			}
			if r != '-' && r != ',' && r != '.' && r != ':' && r != '/' {
				sym = true
			}
		}
		if n < nPrefix {
			// prefixes of the lower-cased word
			if n == 0 {
				wi.pre[0] = hashRune(fnvOffset, lr)
			} else {
				wi.pre[n] = hashRune(wi.pre[n-1], lr)
			}
		}
		lower = hashRune(lower, lr)
		if r >= '0' && r <= '9' {
			cluKey = hashRune(cluKey, '0')
		} else {
			cluKey = hashRune(cluKey, unicode.ToLower(r))
		}
		if c != lastClass {
			shape = hashRune(shape, c)
			lastClass = c
		}
		n++
	}
	for k := n; k < nPrefix; k++ {
		wi.pre[k] = 0
	}
	// suffixes, read backwards
	h := uint64(fnvOffset)
	k := 0
	for s := w; k < nSuffix && len(s) > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		h = hashRune(h, unicode.ToLower(r))
		wi.suf[k] = h
	}
	if letters > 0 {
		flags |= flagLetter
		if uppers == letters && letters > 1 {
			flags |= flagAllUpper
		}
	}
	if first, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(first) {
		flags |= flagUpper
	}
	if digits > 0 {
		flags |= flagDigit
		if letters == 0 && !sym {
			flags |= flagAllDigit
		}
	}
	wi.flags = flags
	if flags&flagAllDigit != 0 && n > 4 {
		// Long numbers are all alike; keep 4-digit ones (years) distinct.
		lower = mix(99, shape, uint64(min(n, 12)))
	}
	wi.lower = lower
	wi.cluKey = cluKey
	wi.shape = shape
	wi.length = uint64(min(n, 12))
	wi.ending = endings(w)
}

// sentenceCase classifies the capitalisation of a sentence and marks quote
// parity, after describe has run on every word.
func sentenceCase(ws []wordInfo) {
	var letters, upper, allUpper, long, title, quotes int
	for i := range ws {
		f := ws[i].flags
		if f&flagLetter == 0 {
			if f&flagQuote != 0 {
				if quotes%2 == 1 {
					ws[i].flags |= flagQuoteOdd
				}
				quotes++
			}
			continue
		}
		letters++
		if f&(flagUpper|flagInnerUp) != 0 {
			upper++
		}
		if f&flagAllUpper != 0 {
			allUpper++
		}
		if ws[i].length > 3 {
			long++
			if f&flagUpper != 0 {
				title++
			}
		}
	}
	c := uint64(caseNormal)
	switch {
	case letters == 0:
	case upper == 0:
		c = caseLower
	case allUpper*5 >= letters*4 && letters > 1:
		c = caseUpper
	case long >= 3 && title*5 >= long*3:
		c = caseTitle
	}
	for i := range ws {
		ws[i].scase = c
	}
}

// normalize maps the spellings that Annalist's tokenizer, Penn Treebank and
// EWT use for the same token onto one form, so that the model sees one.
func normalize(w string) string {
	switch w {
	case "-LRB-", "-lrb-":
		return "("
	case "-RRB-", "-rrb-":
		return ")"
	case "-LCB-", "-lcb-":
		return "{"
	case "-RCB-", "-rcb-":
		return "}"
	case "-LSB-", "-lsb-":
		return "["
	case "-RSB-", "-rsb-":
		return "]"
	case "``", "''", "\u201c", "\u201d", "\u201e":
		return "\""
	case "`", "\u2018", "\u2019":
		return "'"
	case "\u2013", "\u2014", "\u2015":
		return "--"
	case "\u2026":
		return "..."
	}
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	if strings.ContainsAny(w, "\u2018\u2019\u201c\u201d\u2013\u2014\u2026") {
		return punctReplacer.Replace(w)
	}
	return w
}

// punctReplacer rewrites typographic punctuation inside words; a Replacer
// is immutable and safe for concurrent use.
var punctReplacer = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", "\"", "\u201d", "\"",
	"\u2013", "--", "\u2014", "--", "\u2026", "...")

// nTags is the size of the score arrays; tag sets are at most this large.
const nTags = 64

// features appends the keys of the features of word i to dst. left holds
// the tags already chosen for words 0..i-1; right, if non-nil, holds
// first-pass tags for every word.
func features(dst []uint64, off *templates, ws []wordInfo, i int, left []int, right []int) []uint64 {
	dst = ownFeatures(dst, off, &ws[i])
	dst = wordContext(dst, off, ws, i)
	return tagContext(dst, off, ws, i, left, right)
}

// ownFeatures appends the keys of the features that depend only on the word
// itself (its form, flags and dictionary entry).
func ownFeatures(dst []uint64, off *templates, w0 *wordInfo) []uint64 {
	dst = app(dst, off, tBias, 0, 0)
	dst = app(dst, off, tW0, w0.lower, 0)
	dst = app(dst, off, tF0, w0.form, 0)
	for k := 0; k < nPrefix && w0.pre[k] != 0; k++ {
		dst = app(dst, off, tPre+uint64(k), w0.pre[k], 0)
	}
	for k := 0; k < nSuffix && w0.suf[k] != 0; k++ {
		dst = app(dst, off, tSuf+uint64(k), w0.suf[k], 0)
	}
	dst = app(dst, off, tShape0, w0.shape, 0)
	dst = app(dst, off, tFlags0, w0.flags, 0)
	dst = app(dst, off, tClass0, w0.class, 0)
	dst = app(dst, off, tLClass0, w0.lclass, w0.flags&flagFirst)
	dst = app(dst, off, tLen0, w0.length, 0)
	dst = app(dst, off, tFlagsShape, w0.flags, w0.shape)
	dst = app(dst, off, tClass0Suf, w0.class, w0.suf[1])
	if w0.stem != 0 {
		dst = app(dst, off, tStem, w0.stem, 0)
	}
	if w0.affix != 0 {
		dst = app(dst, off, tAffix, w0.affix, 0)
	}
	if w0.wn != 0 {
		dst = app(dst, off, tWN, w0.wn, 0)
		dst = app(dst, off, tWNCase, w0.wn, w0.flags&(flagUpper|flagAllUpper|flagFirst))
	}
	if w0.clu != 0 {
		dst = app(dst, off, tClu0, uint64(w0.clu&0xffff), 0)
		dst = app(dst, off, tCluC0, uint64(w0.clu>>16), 0)
		dst = app(dst, off, tCluCase, uint64(w0.clu&0xffff), w0.flags&(flagUpper|flagAllUpper|flagFirst))
	}
	return dst
}

// lowerHash hashes a+b lower-cased, as describe hashes a word's lower form.
func lowerHash(a, b string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range a {
		h = hashRune(h, unicode.ToLower(r))
	}
	for _, r := range b {
		h = hashRune(h, r)
	}
	return h
}

// suffixRules strip an inflection or derivation and say what to put back.
var suffixRules = [...]struct{ cut, add string }{
	{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"d", ""},
	{"ing", ""}, {"ing", "e"}, {"ly", ""}, {"ily", "y"}, {"er", ""}, {"est", ""},
	{"ers", ""}, {"ness", ""}, {"ment", ""}, {"ism", ""}, {"ist", ""}, {"ists", ""},
	{"ization", "ize"}, {"ation", "ate"}, {"ed", "e"}, {"al", ""}, {"ic", ""},
}

// prefixRules strip a prefix; a hyphenated word is also tried by its last part.
var prefixRules = [...]string{"un", "re", "non", "pre", "over", "out", "mis", "anti", "dis", "in", "co", "sub", "super", "inter", "post", "multi"}

// stemFeatures sets wi.stem and wi.affix for word w from the dictionary
// classes by lower-cased form (lclass).
func stemFeatures(wi *wordInfo, w string, lclass map[uint64]uint64) {
	wi.stem, wi.affix = 0, 0
	if wi.flags&flagLetter == 0 || len(w) < 4 {
		return
	}
	for k, r := range suffixRules {
		if len(w) <= len(r.cut)+2 || !hasSuffixFold(w, r.cut) {
			continue
		}
		base := w[:len(w)-len(r.cut)]
		if c := lclass[lowerHash(base, r.add)]; c != 0 {
			wi.stem = uint64(k+1)<<56 ^ c
			break
		}
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 {
		if c := lclass[lowerHash(w[i+1:], "")]; c != 0 {
			wi.affix = 1<<56 ^ c
		}
		return
	}
	for k, p := range prefixRules {
		if len(w) <= len(p)+3 || !hasPrefixFold(w, p) {
			continue
		}
		if c := lclass[lowerHash(w[len(p):], "")]; c != 0 {
			wi.affix = uint64(k+2)<<56 ^ c
			break
		}
	}
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// wordContext appends the keys of the features of word i that depend on
// its neighbours and the sentence but not on tags.
func wordContext(dst []uint64, off *templates, ws []wordInfo, i int) []uint64 {
	const none = 1 << 40 // "no word" value
	w0 := &ws[i]
	wm1, wm2, wp1, wp2 := uint64(none), uint64(none+1), uint64(none+2), uint64(none+3)
	var sufm1, sufp1, shm1, shp1 uint64 = none, none + 2, none, none + 2
	var clp1, clm1, clp2 uint64 = none + 2, none, none + 3
	if i > 0 {
		p := &ws[i-1]
		wm1, sufm1, shm1, clm1 = p.lower, p.suf[2], p.shape, p.class
	}
	if i > 1 {
		wm2 = ws[i-2].lower
	}
	if i+1 < len(ws) {
		p := &ws[i+1]
		wp1, sufp1, shp1, clp1 = p.lower, p.suf[2], p.shape, p.class
	}
	if i+2 < len(ws) {
		wp2 = ws[i+2].lower
		clp2 = ws[i+2].class
	}
	dst = app(dst, off, tWm1, wm1, 0)
	dst = app(dst, off, tWp1, wp1, 0)
	dst = app(dst, off, tWm2, wm2, 0)
	dst = app(dst, off, tWp2, wp2, 0)
	dst = app(dst, off, tShapeM1, shm1, w0.shape)
	dst = app(dst, off, tShapeP1, shp1, w0.shape)
	dst = app(dst, off, tWm1W0, wm1, w0.lower)
	dst = app(dst, off, tW0Wp1, w0.lower, wp1)
	dst = app(dst, off, tSufM1, sufm1, 0)
	dst = app(dst, off, tSufP1, sufp1, 0)
	dst = app(dst, off, tClassP1, clp1, 0)
	dst = app(dst, off, tClassM1, clm1, 0)
	dst = app(dst, off, tClassP2, clp2, 0)
	dst = app(dst, off, tCaseShape, w0.scase<<8|w0.flags, w0.shape)
	dst = app(dst, off, tCaseClass, w0.scase<<8|w0.flags&flagFirst, w0.lclass)
	dst = app(dst, off, tWm1Wp1, wm1, wp1)
	if i > 0 && ws[i-1].clu != 0 {
		dst = app(dst, off, tCluM1, uint64(ws[i-1].clu&0xffff), 0)
	}
	if i+1 < len(ws) && ws[i+1].clu != 0 {
		dst = app(dst, off, tCluP1, uint64(ws[i+1].clu&0xffff), 0)
	}
	if w0.clu != 0 || i > 0 && ws[i-1].clu != 0 {
		c := uint64(none)
		if i > 0 {
			c = uint64(ws[i-1].clu & 0xffff)
		}
		dst = app(dst, off, tCluM1C0, c, uint64(w0.clu&0xffff))
	}
	if w0.clu != 0 || i+1 < len(ws) && ws[i+1].clu != 0 {
		c := uint64(none + 2)
		if i+1 < len(ws) {
			c = uint64(ws[i+1].clu & 0xffff)
		}
		dst = app(dst, off, tCluC0P1, uint64(w0.clu&0xffff), c)
	}
	if i+2 < len(ws) && ws[i+2].clu != 0 {
		dst = app(dst, off, tCluP2, uint64(ws[i+2].clu&0xffff), 0)
	}
	return dst
}

// tagContext appends the keys of the features of word i that depend on the
// tags chosen so far to its left (left) and, in the second pass, on the
// first pass's tags to its right (right; nil in the first pass).
func tagContext(dst []uint64, off *templates, ws []wordInfo, i int, left []int, right []int) []uint64 {
	const none = 1 << 40
	w0 := &ws[i]
	var clp1, wp1 uint64 = none + 2, none + 2
	if i+1 < len(ws) {
		wp1, clp1 = ws[i+1].lower, ws[i+1].class
	}
	tm1, tm2 := uint64(nTags), uint64(nTags+1)
	if i > 0 {
		tm1 = uint64(left[i-1])
	}
	if i > 1 {
		tm2 = uint64(left[i-2])
	}
	dst = app(dst, off, tTm1, tm1, 0)
	dst = app(dst, off, tTm2, tm2, 0)
	dst = app(dst, off, tTm1Tm2, tm1, tm2)
	dst = app(dst, off, tTm1W0, tm1, w0.lower)
	dst = app(dst, off, tTm1ClassP1, tm1, clp1)
	dst = app(dst, off, tTm1Suf0, tm1, w0.suf[2])
	if w0.clu != 0 {
		dst = app(dst, off, tCluTm1, tm1, uint64(w0.clu&0xffff))
	}
	if right != nil {
		tp1, tp2 := uint64(nTags+2), uint64(nTags+3)
		if i+1 < len(ws) {
			tp1 = uint64(right[i+1])
		}
		if i+2 < len(ws) {
			tp2 = uint64(right[i+2])
		}
		dst = app(dst, off, tTp1, tp1, 0)
		dst = app(dst, off, tTp2, tp2, 0)
		dst = app(dst, off, tTp1Tp2, tp1, tp2)
		dst = app(dst, off, tTm1Tp1, tm1, tp1)
		dst = app(dst, off, tTp1W0, tp1, w0.lower)
		dst = app(dst, off, tTp1Suf0, tp1, w0.suf[2])
		dst = app(dst, off, tTp1Class0, tp1, w0.class)
		dst = app(dst, off, tTm1Tp1W0, tm1<<8|tp1, w0.lower)
		dst = app(dst, off, tTm2Tm1Tp1, tm2<<8|tm1, tp1)
		dst = app(dst, off, tTp1Wp1, tp1, wp1)
	}
	return dst
}

// templates is a bit set of switched-off feature templates.
type templates [2]uint64

// set switches templates ts off.
func (o *templates) set(ts ...uint64) {
	for _, t := range ts {
		o[t>>6] |= 1 << (t & 63)
	}
}

// clear switches templates ts on.
func (o *templates) clear(ts ...uint64) {
	for _, t := range ts {
		o[t>>6] &^= 1 << (t & 63)
	}
}

// app appends the key of template t with values a and b unless t is off.
func app(dst []uint64, off *templates, t, a, b uint64) []uint64 {
	if off[t>>6]>>(t&63)&1 != 0 {
		return dst
	}
	return append(dst, mix(t, a, b))
}

// The prefix and suffix ranges must fit the blanks reserved after tPre and tSuf.
var _ = [1]int{}[tSuf-tPre-nPrefix]
var _ = [1]int{}[tShape0-tSuf-nSuffix]
