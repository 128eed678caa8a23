package parse

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates in the style of Zhang & Nivre (2011) for arc-eager:
// words and tags of the stack top (S0), the buffer front (N0, N1, N2), S0's
// head and grand-head, the leftmost/rightmost dependents of S0 and N0 and
// their second ones, distance, valencies and label sets. A feature is a
// 32-bit hash of its template number and atoms; the models map those keys to
// weight rows.

const (
	noneAtom = 0x51ed2701d3e8a4b1 // an absent position (empty stack, beyond the buffer)
	rootWord = 0x7a3f9c0e5b1d8e23 // the word atom of the artificial root
)

// Tag ids: 0 absent, 1 the root, 2 unknown tag, then the model's tag list.
const (
	tagNone    = 0
	tagRoot    = 1
	tagUnknown = 2
	tagFirst   = 3
)

func mix(h, v uint64) uint64 {
	h ^= v
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 31
	return h
}

func fold(h uint64) uint32 {
	h *= 0x94d049bb133111eb
	h ^= h >> 29
	k := uint32(h>>32) ^ uint32(h)
	if k == 0 {
		k = 1
	}
	return k
}

func k1(t int, a uint64) uint32 { return fold(mix(uint64(t)<<56|0x1234567, a)) }
func k2(t int, a, b uint64) uint32 {
	return fold(mix(mix(uint64(t)<<56|0x2345671, a), b))
}
func k3(t int, a, b, c uint64) uint32 {
	return fold(mix(mix(mix(uint64(t)<<56|0x3456712, a), b), c))
}
func k4(t int, a, b, c, d uint64) uint32 {
	return fold(mix(mix(mix(mix(uint64(t)<<56|0x4567123, a), b), c), d))
}

// strHash is FNV-1a, fixed so that keys are stable across processes.
func strHash(s []byte) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// wordAtoms hashes a word's normalised form, suffix and shape. The form is
// lower-cased with digits folded to 0, so "1999" and "2003" share features.
func wordAtoms(w string, buf []byte) (form, suf, shape uint64, _ []byte) {
	buf = buf[:0]
	var shpBuf [8]byte
	shp := shpBuf[:0]
	var last byte
	switch w {
	case "-LRB-":
		w = "("
	case "-RRB-":
		w = ")"
	case "-LSB-":
		w = "["
	case "-RSB-":
		w = "]"
	case "-LCB-":
		w = "{"
	case "-RCB-":
		w = "}"
	}
	for _, r := range w {
		switch r {
		case '“', '”', '„', '‟', '«', '»':
			r = '"'
		case '‘', '’', '‚', '‛':
			r = '\''
		case '–', '—', '―', '−':
			r = '-'
		}
		var c byte
		switch {
		case r >= '0' && r <= '9':
			buf = append(buf, '0')
			c = 'd'
		case r >= 'A' && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
			c = 'X'
		case r < utf8.RuneSelf:
			buf = append(buf, byte(r))
			if r >= 'a' && r <= 'z' {
				c = 'x'
			} else {
				c = byte(r)
			}
		default:
			lr := unicode.ToLower(r)
			buf = utf8.AppendRune(buf, lr)
			if unicode.IsUpper(r) {
				c = 'X'
			} else if unicode.IsLetter(r) {
				c = 'x'
			} else {
				c = '~'
			}
		}
		if c != last && len(shp) < 8 {
			shp = append(shp, c)
		}
		last = c
	}
	form = strHash(buf)
	s := buf
	// Suffix of up to 3 bytes, on a rune boundary.
	if len(s) > 3 {
		i := len(s) - 3
		for i < len(s) && !utf8.RuneStart(s[i]) {
			i++
		}
		s = s[i:]
	}
	suf = strHash(s) ^ 0x5bd1e995
	shape = strHash(shp) ^ 0x27d4eb2f
	return form, suf, shape, buf
}

func distBucket(d int32) uint64 {
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 11:
		return 6
	default:
		return 7
	}
}

func capv(v int32) uint64 {
	if v > 4 {
		return 4
	}
	return uint64(v)
}

func (s *state) w(i int32) uint64 {
	if i < 0 {
		return noneAtom
	}
	return s.words[i]
}

func (s *state) p(i int32) uint64 {
	if i < 0 {
		return tagNone
	}
	return s.tags[i]
}

func (s *state) l(i int32) uint64 {
	if i < 0 {
		return noneAtom
	}
	return uint64(s.label[i] + 1)
}

func (s *state) hd(i int32) int32 {
	if i < 0 {
		return -1
	}
	return s.head[i]
}

func at(a []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return a[i]
}

func atu(a []uint64, i int32) uint64 {
	if i < 0 {
		return noneAtom
	}
	return a[i]
}

// The 81 transition templates fall into groups by what they read, so that
// Parse can keep a group's summed weights while its inputs do not change
// (see Model.run). transFeatures, which training uses, is all of them.
//
//   - bias: template 0, a constant.
//   - s0Keys: S0 with everything about it that cannot change while it is on
//     the stack: its word, tag, suffix, head, grand-head, label, left
//     dependents, and the word under it (S1). A word is pushed once, gets its
//     head as it is pushed and its left dependents before, and the stack
//     below it only changes after it is popped.
//   - s0RightKeys: S0's right dependents, which RIGHT-ARC adds.
//   - n0Keys: N0, N1, N2 (words, tags, N0's suffix): a function of N0 alone.
//   - n0LeftKeys: N0's left dependents, which LEFT-ARC adds.
//   - pairKeys: templates that combine S0 and N0 (or S1 and N0).
//
// Template numbers are part of the keys: changing or moving a template
// changes the model's features.

// transFeatures fills s.keys with the features of the next transition.
func (s *state) transFeatures() []uint32 {
	s0, s1, n0 := s.top(), s.second(), s.b
	k := append(s.keys[:0], biasKey())
	k = s.s0Keys(k, s0, s1)
	k = s.s0RightKeys(k, s0)
	k = s.n0Keys(k, n0)
	k = s.n0LeftKeys(k, n0)
	k = s.pairKeys(k, s0, s1, n0)
	s.keys = k
	return k
}

// biasKey is template 0.
func biasKey() uint32 { return k1(0, 0) }

// second returns the word under the stack top, or -1.
func (s *state) second() int32 {
	if len(s.stack) < 2 {
		return -1
	}
	return s.stack[len(s.stack)-2]
}

// s0Keys appends the templates of S0 (s0, possibly -1) that stay fixed while
// it is on the stack; s1 is the word under it.
func (s *state) s0Keys(k []uint32, s0, s1 int32) []uint32 {
	s0h := s.hd(s0)
	s0h2 := s.hd(s0h)
	s0l, s0l2 := at(s.lm1, s0), at(s.lm2, s0)
	s0w, s0p := s.w(s0), s.p(s0)
	var s0vl, s0sl uint64 = noneAtom, noneAtom
	if s0 >= 0 {
		s0vl, s0sl = capv(s.nl[s0]), s.ls[s0]
	}
	return append(k,
		k2(1, s0w, s0p), k1(2, s0w), k1(3, s0p),
		k2(35, s0w, s0vl), k2(36, s0p, s0vl),
		k1(39, s.w(s0h)), k1(40, s.p(s0h)), k1(41, s.l(s0)),
		k1(42, s.w(s0l)), k1(43, s.p(s0l)), k1(44, s.l(s0l)),
		k1(51, s.w(s0h2)), k1(52, s.p(s0h2)), k1(53, s.l(s0h)),
		k1(54, s.w(s0l2)), k1(55, s.p(s0l2)), k1(56, s.l(s0l2)),
		k3(63, s0p, s.p(s0l), s.p(s0l2)),
		k3(65, s0p, s.p(s0h), s.p(s0h2)),
		k2(69, s0w, s0sl), k2(70, s0p, s0sl),
		k2(74, s.w(s1), s.p(s1)),
		k2(79, atu(s.sufs, s0), s0p),
	)
}

// s0RightKeys appends the templates of S0's right dependents.
func (s *state) s0RightKeys(k []uint32, s0 int32) []uint32 {
	s0r, s0r2 := at(s.rm1, s0), at(s.rm2, s0)
	s0w, s0p := s.w(s0), s.p(s0)
	var s0vr, s0sr uint64 = noneAtom, noneAtom
	if s0 >= 0 {
		s0vr, s0sr = capv(s.nr[s0]), s.rs[s0]
	}
	return append(k,
		k2(33, s0w, s0vr), k2(34, s0p, s0vr),
		k1(45, s.w(s0r)), k1(46, s.p(s0r)), k1(47, s.l(s0r)),
		k1(57, s.w(s0r2)), k1(58, s.p(s0r2)), k1(59, s.l(s0r2)),
		k3(64, s0p, s.p(s0r), s.p(s0r2)),
		k2(67, s0w, s0sr), k2(68, s0p, s0sr),
	)
}

// n0Keys appends the templates of the buffer front N0 and the two words
// after it: they depend on n0 alone.
func (s *state) n0Keys(k []uint32, n0 int32) []uint32 {
	n := int32(s.n)
	n1, n2 := int32(-1), int32(-1)
	if n0+1 <= n {
		n1 = n0 + 1
	}
	if n0+2 <= n {
		n2 = n0 + 2
	}
	n0w, n0p := s.w(n0), s.p(n0)
	n1w, n1p := s.w(n1), s.p(n1)
	n2w, n2p := s.w(n2), s.p(n2)
	return append(k,
		k2(4, n0w, n0p), k1(5, n0w), k1(6, n0p),
		k2(7, n1w, n1p), k1(8, n1w), k1(9, n1p),
		k2(10, n2w, n2p), k1(11, n2w), k1(12, n2p),
		k2(20, n0p, n1p),
		k3(21, n0p, n1p, n2p),
		k2(78, atu(s.sufs, n0), n0p),
	)
}

// n0LeftKeys appends the templates of N0's left dependents.
func (s *state) n0LeftKeys(k []uint32, n0 int32) []uint32 {
	n0l, n0l2 := s.lm1[n0], s.lm2[n0]
	n0w, n0p := s.w(n0), s.p(n0)
	n0vl, n0sl := capv(s.nl[n0]), s.ls[n0]
	return append(k,
		k2(37, n0w, n0vl), k2(38, n0p, n0vl),
		k1(48, s.w(n0l)), k1(49, s.p(n0l)), k1(50, s.l(n0l)),
		k1(60, s.w(n0l2)), k1(61, s.p(n0l2)), k1(62, s.l(n0l2)),
		k3(66, n0p, s.p(n0l), s.p(n0l2)),
		k2(71, n0w, n0sl), k2(72, n0p, n0sl),
	)
}

// pairKeys appends the templates that combine the stack (S0, S1) with N0.
func (s *state) pairKeys(k []uint32, s0, s1, n0 int32) []uint32 {
	n := int32(s.n)
	n1 := int32(-1)
	if n0+1 <= n {
		n1 = n0 + 1
	}
	s0h := s.hd(s0)
	s0l, s0r := at(s.lm1, s0), at(s.rm1, s0)
	n0l := s.lm1[n0]
	s0w, s0p := s.w(s0), s.p(s0)
	n0w, n0p := s.w(n0), s.p(n0)
	var d uint64 = noneAtom
	if s0 >= 0 {
		d = distBucket(n0 - s0)
	}
	return append(k,
		k4(13, s0w, s0p, n0w, n0p), k3(14, s0w, s0p, n0w), k3(15, s0w, n0w, n0p),
		k3(16, s0w, s0p, n0p), k3(17, s0p, n0w, n0p), k2(18, s0w, n0w), k2(19, s0p, n0p),
		k3(22, s0p, n0p, s.p(n1)), k3(23, s.p(s0h), s0p, n0p),
		k3(24, s0p, s.p(s0l), n0p), k3(25, s0p, s.p(s0r), n0p), k3(26, s0p, n0p, s.p(n0l)),
		k2(27, s0w, d), k2(28, s0p, d), k2(29, n0w, d), k2(30, n0p, d),
		k3(31, s0w, n0w, d), k3(32, s0p, n0p, d),
		k3(73, s.p(s1), s0p, n0p),
		k3(75, s0p, s.l(s0), n0p), k3(76, s0p, s.l(s0l), n0p), k3(77, n0p, s.l(n0l), s0p),
		k2(80, atu(s.shape, n0), atu(s.shape, s0)),
	)
}

// labelFeatures fills s.keys with the features for labelling the arc h -> d
// that is being made now.
func (s *state) labelFeatures(h, d int32) []uint32 {
	k := s.keys[:0]
	n := int32(s.n)
	var dir uint64 = 1
	if d > h {
		dir = 2
	}
	dw, dp := s.w(d), s.p(d)
	hw, hp := s.w(h), s.p(h)
	dist := distBucket(h - d)
	dl1, dr1 := s.lm1[d], s.rm1[d]
	dm1, dp1 := d-1, d+1
	if dp1 > n {
		dp1 = -1
	}
	var hlab uint64 = noneAtom
	if h < n {
		hlab = s.l(h)
	}
	k = append(k,
		k1(100, dir),
		k2(101, dw, dir), k2(102, dp, dir), k3(103, dw, dp, dir),
		k2(104, hw, dir), k2(105, hp, dir), k3(106, hw, hp, dir),
		k3(107, hp, dp, dir), k3(108, hw, dp, dir), k3(109, hp, dw, dir), k3(110, hw, dw, dir),
		k4(111, hp, dp, dir, dist),
		k3(112, dp, s.l(dl1), s.w(dl1)),
		k3(114, dp, s.l(dr1), s.w(dr1)),
		k3(115, dp, s.ls[d], dir), k3(116, dp, s.rs[d], dir),
		k4(117, hp, s.ls[h], dir, dp), k4(118, hp, s.rs[h], dir, dp),
		k4(119, hp, hlab, dp, dir),
		k4(120, dp, s.p(dm1), s.p(dp1), dir),
		k4(122, dp, hp, s.p(dp1), dir), k4(123, dp, hp, s.p(dm1), dir),
		k3(124, s.sufs[d], dp, dir), k3(125, s.shape[d], dp, dir),
		k4(127, dp, s.p(dl1), s.p(dr1), hp),
		k4(129, capv(s.nl[d]), capv(s.nr[d]), dp, dir),
	)
	s.keys = k
	return k
}
