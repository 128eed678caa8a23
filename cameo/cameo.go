// Package cameo is the CAMEO event codebook: names, descriptions, Goldstein scores, QuadClasses and PLOVER types of every event code.
//
// The codebook is parsed once into an immutable *Codebook (Default for the
// embedded data, Read or Load for other files) and passed explicitly to whoever
// needs it; all methods are safe for concurrent use. docs/cameo.md documents
// the sources and every decision taken where they disagree.
package cameo

import (
	_ "embed" // the default codebook data
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/annalist/annalist"
)

// The embedded default data (see data/README.md).
var (
	//go:embed data/cameo-codes.csv
	defaultCodes string
	//go:embed data/CAMEO2PLOVER-2021.txt
	defaultPLOVER string
	//go:embed data/goldstein.txt
	defaultGoldstein string
)

// Names of the embedded files, as they appear in error messages.
const (
	DefaultCodesFile     = "data/cameo-codes.csv"
	DefaultPLOVERFile    = "data/CAMEO2PLOVER-2021.txt"
	DefaultGoldsteinFile = "data/goldstein.txt"
)

// QuadClass values. CAMEO datasets sort events into four "quad" classes by
// root code; Annalist adds a fifth, neutral class 0 for the statement and
// appeal roots 01 and 02, which GDELT counts as verbal cooperation (see
// docs/cameo.md; GDELT's value is 1 where ours is 0).
const (
	QuadNeutral          = 0 // roots 01–02: statements and appeals
	QuadVerbalCoop       = 1 // roots 03–05
	QuadMaterialCoop     = 2 // roots 06–08
	QuadVerbalConflict   = 3 // roots 09–13
	QuadMaterialConflict = 4 // roots 14–20
)

// QuadClassOf returns the QuadClass of a two-digit root code "01".."20"; ok is
// false for anything else.
func QuadClassOf(root string) (quad int, ok bool) {
	n, ok := rootNumber(root)
	if !ok {
		return 0, false
	}
	switch {
	case n <= 2:
		return QuadNeutral, true
	case n <= 5:
		return QuadVerbalCoop, true
	case n <= 8:
		return QuadMaterialCoop, true
	case n <= 13:
		return QuadVerbalConflict, true
	}
	return QuadMaterialConflict, true
}

// QuadClassName returns a short English name for a QuadClass value, or "" for
// a value outside 0–4.
func QuadClassName(quad int) string {
	switch quad {
	case QuadNeutral:
		return "neutral"
	case QuadVerbalCoop:
		return "verbal cooperation"
	case QuadMaterialCoop:
		return "material cooperation"
	case QuadVerbalConflict:
		return "verbal conflict"
	case QuadMaterialConflict:
		return "material conflict"
	}
	return ""
}

// rootNumber parses a root code "01".."20".
func rootNumber(root string) (int, bool) {
	if len(root) != 2 || !isDigits(root) {
		return 0, false
	}
	n := int(root[0]-'0')*10 + int(root[1]-'0')
	return n, n >= 1 && n <= 20
}

// Entry is the full codebook record of one CAMEO event code.
type Entry struct {
	// Code is the CAMEO code: two digits for a root ("14"), three or four below it ("141", "1411").
	Code string `json:"code"`
	// Parent is the code one level up ("141" for "1411", "14" for "141"); empty for a root.
	Parent string `json:"parent,omitempty"`
	// Root is the two-digit cue category; a root is its own root.
	Root string `json:"root"`
	// Name is the short label ("Demonstrate or rally"); root names are upper case ("PROTEST").
	Name string `json:"name"`
	// Description, UsageNotes and Example come from the CAMEO manual text; roots have none.
	Description string `json:"description,omitempty"`
	UsageNotes  string `json:"usage_notes,omitempty"`
	Example     string `json:"example,omitempty"`
	// Goldstein is the conflict–cooperation score in [-10, 10].
	Goldstein float64 `json:"goldstein"`
	// QuadClass is 0–4, set by root: see QuadClassOf.
	QuadClass int `json:"quad_class"`
	// PLOVER is the PLOVER event type ("AGREE", "ASSAULT"); empty for the 01x and
	// 02x codes, which PLOVER drops.
	PLOVER string `json:"plover,omitempty"`
	// Mode is the PLOVER mode as the mapping gives it; often empty.
	Mode string `json:"plover_mode,omitempty"`
	// Context is the PLOVER context, several joined by ";" ("crime;corruption"); often empty.
	Context string `json:"plover_context,omitempty"`
}

// EventType returns the entry as the annalist.EventType carried by coded events.
func (e Entry) EventType() annalist.EventType {
	return annalist.EventType{
		Code:      e.Code,
		Root:      e.Root,
		Name:      e.Name,
		Goldstein: e.Goldstein,
		QuadClass: e.QuadClass,
		PLOVER:    e.PLOVER,
		Mode:      e.Mode,
		Context:   e.Context,
	}
}

// Contexts returns the PLOVER contexts as a list (nil when there are none).
func (e Entry) Contexts() []string {
	if e.Context == "" {
		return nil
	}
	return strings.Split(e.Context, ";")
}

// Codebook is an immutable set of CAMEO event codes. The zero value is an
// empty codebook; build one with Default, Read or Load.
type Codebook struct {
	entries []Entry
	index   map[string]int
}

// Default parses the codebook embedded in the binary: cameo-codes.csv with the
// Goldstein overrides of goldstein.txt and the PLOVER mapping of
// CAMEO2PLOVER-2021.txt. Each call parses afresh (1–2 ms of CPU), so load
// once and share the result. An error means the embedded data is broken, which
// the package tests rule out.
func Default() (*Codebook, error) {
	cb, err := Load("", "", "")
	if err != nil {
		return nil, fmt.Errorf("cameo: embedded codebook: %w", err)
	}
	return cb, nil
}

// Source is one named input: R is read to the end, Name is used only in error messages.
type Source struct {
	Name string
	R    io.Reader
}

// Read builds a codebook from its three inputs:
//
//   - codes, required: a CSV file with a header row naming at least the columns
//     code, name and goldstein, and optionally description, usage_notes,
//     example and root_code (other columns are ignored), in the layout of
//     cameo-codes.csv. A parent code must come before its children. Fields equal
//     to NA are empty. Text that is not valid UTF-8 is repaired (see docs/cameo.md).
//   - plover, optional (nil R for none): a CAMEO→PLOVER table in the layout of
//     CAMEO2PLOVER-2021.txt. Codes it lists that are not in the codebook are ignored.
//   - goldstein, optional (nil R for none): Goldstein overrides, "CODE VALUE"
//     lines with '#' comments, in the layout of goldstein.txt.
//
// Malformed input yields an *annalist.Error with code EINVALID located at
// name:line:col; an error from a reader is returned wrapped.
func Read(codes, plover, goldstein Source) (*Codebook, error) {
	if codes.R == nil {
		return nil, annalist.Errorf(annalist.EINVALID, "cameo: no codes file given")
	}
	cb, err := readCodes(codes.R, codes.Name)
	if err != nil {
		return nil, err
	}
	if goldstein.R != nil {
		if err := readGoldstein(cb, goldstein.R, goldstein.Name); err != nil {
			return nil, err
		}
	}
	if plover.R != nil {
		m, err := readPLOVER(plover.R, plover.Name)
		if err != nil {
			return nil, err
		}
		applyPLOVER(cb, m)
	}
	return cb, nil
}

// Load is Read from files. An empty path selects the embedded default for that
// input; the path "-" leaves the optional PLOVER or Goldstein input out. A file
// that cannot be opened yields ENOTFOUND (missing) or EUNAVAILABLE (other
// failures), a directory EINVALID; malformed files fail as in Read.
func Load(codesPath, ploverPath, goldsteinPath string) (*Codebook, error) {
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	open := func(path, def, data string, optional bool) (Source, error) {
		switch {
		case path == "":
			return Source{Name: def, R: strings.NewReader(data)}, nil
		case path == "-" && optional:
			return Source{Name: path}, nil
		}
		f, err := os.Open(path)
		if err != nil {
			code := annalist.EUNAVAILABLE
			if os.IsNotExist(err) {
				code = annalist.ENOTFOUND
			}
			return Source{}, annalist.Errorf(code, "cameo: %v", err)
		}
		closers = append(closers, f)
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return Source{}, annalist.Errorf(annalist.EINVALID, "cameo: %s is a directory", path)
		}
		return Source{Name: path, R: f}, nil
	}
	codes, err := open(codesPath, DefaultCodesFile, defaultCodes, false)
	if err != nil {
		return nil, err
	}
	plover, err := open(ploverPath, DefaultPLOVERFile, defaultPLOVER, true)
	if err != nil {
		return nil, err
	}
	gold, err := open(goldsteinPath, DefaultGoldsteinFile, defaultGoldstein, true)
	if err != nil {
		return nil, err
	}
	return Read(codes, plover, gold)
}

// Len returns the number of codes in the codebook.
func (c *Codebook) Len() int { return len(c.entries) }

// Lookup returns the event type of a code exactly as the codebook writes it
// ("0312", not "312" or "0312 "); ok is false for any other string. Codes
// taken from verb dictionaries should go through Normalize first.
func (c *Codebook) Lookup(code string) (annalist.EventType, bool) {
	e, ok := c.Entry(code)
	if !ok {
		return annalist.EventType{}, false
	}
	return e.EventType(), true
}

// Entry returns the full record of a code; ok is false when the code is not in the codebook.
func (c *Codebook) Entry(code string) (Entry, bool) {
	i, ok := c.index[code]
	if !ok {
		return Entry{}, false
	}
	return c.entries[i], true
}

// Root returns the root (two-digit cue category) entry of a code in the
// codebook; ok is false when the code is not in the codebook.
func (c *Codebook) Root(code string) (Entry, bool) {
	e, ok := c.Entry(code)
	if !ok {
		return Entry{}, false
	}
	return c.Entry(e.Root)
}

// Codes returns every code in codebook order: the order of the codes file, in
// which each parent comes before its children (for the default codebook, 01,
// 010, 011, ... 2042). The slice is the caller's to keep.
func (c *Codebook) Codes() []string {
	out := make([]string, len(c.entries))
	for i, e := range c.entries {
		out[i] = e.Code
	}
	return out
}

// Entries returns every entry in codebook order. The slice is the caller's to keep.
func (c *Codebook) Entries() []Entry {
	return append([]Entry(nil), c.entries...)
}

// Normalize maps an event code as verb dictionaries write it to a code of the
// codebook. Surrounding white space is ignored. A code in the codebook is
// returned as is; a numeric code that is not falls back to its nearest
// ancestor in the codebook ("1010" → "101", "0110" → "011", "176" → "17").
// ok is false for the null code "---" (no event), for "+++", "###" and any
// other code that is not two to four ASCII digits (including letter or "!"
// suffixes such as "174K", "102b", "080!"), and for numeric codes with no
// ancestor in the codebook ("223", "002").
func (c *Codebook) Normalize(code string) (string, bool) {
	code = strings.TrimSpace(code)
	if len(code) < 2 || len(code) > 4 || !isDigits(code) {
		return "", false
	}
	for n := len(code); n >= 2; n-- {
		if _, ok := c.index[code[:n]]; ok {
			return code[:n], true
		}
	}
	return "", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
