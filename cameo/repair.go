package cameo

import (
	"strings"
	"unicode/utf8"
)

// repairText returns s as valid UTF-8. Valid UTF-8 is returned unchanged.
//
// cameo-codes.csv went through a common accident: UTF-8 text was read as Mac
// Roman and written back as Windows-1252, so the right single quote U+2019
// (bytes E2 80 99) became the bytes 82 C4 F4 ("‚Äô"). repairText undoes that
// for each run of non-ASCII bytes: it maps every byte through Windows-1252 to a
// character, the character back to its Mac Roman byte, and keeps the result if
// it is valid UTF-8. A run that does not come back as UTF-8 (plain
// Windows-1252 or Latin-1 text, or a character the round trip lost) is decoded
// as Windows-1252 instead, so the result is always readable text.
func repairText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= 0x80 {
			j++
		}
		run := s[i:j]
		if fixed, ok := undoMacRoman(run); ok {
			b.WriteString(fixed)
		} else {
			for k := 0; k < len(run); k++ {
				b.WriteRune(cp1252Rune(run[k]))
			}
		}
		i = j
	}
	return b.String()
}

// undoMacRoman maps a run of bytes >= 0x80 through Windows-1252 and back to
// Mac Roman, and reports whether the bytes obtained are valid UTF-8.
func undoMacRoman(run string) (string, bool) {
	out := make([]byte, len(run))
	for k := 0; k < len(run); k++ {
		m, ok := macRomanByte(cp1252Rune(run[k]))
		if !ok {
			return "", false
		}
		out[k] = m
	}
	if !utf8.Valid(out) {
		return "", false
	}
	return string(out), true
}

// cp1252Rune decodes one byte as Windows-1252; the five undefined bytes give U+FFFD.
func cp1252Rune(c byte) rune {
	switch {
	case c < 0x80 || c >= 0xA0:
		return rune(c) // ASCII and Latin-1
	}
	return cp1252High[c-0x80]
}

// macRomanByte returns the Mac Roman byte (>= 0x80) of a character, if it has one.
func macRomanByte(r rune) (byte, bool) {
	for i, m := range macRomanHigh {
		if m == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// cp1252High is Windows-1252 for the bytes 0x80–0x9F (U+FFFD where undefined).
// Generated with: python3 -c "print([hex(ord(bytes([b]).decode('cp1252', 'replace'))) for b in range(0x80, 0xA0)])"
var cp1252High = [32]rune{
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
}

// macRomanHigh is Mac OS Roman for the bytes 0x80–0xFF.
// Generated with: python3 -c "print([hex(ord(bytes([b]).decode('mac_roman'))) for b in range(0x80, 0x100)])"
var macRomanHigh = [128]rune{
	0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,
	0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
	0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
	0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
	0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,
	0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
	0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
	0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
	0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
	0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,
	0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
	0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
	0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
	0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
	0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
}
