package dict

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// Severity ranks a Finding.
type Severity uint8

// Severities. Errors are entries that cannot mean what their author
// intended (two codes for one phrase, a date that does not exist);
// warnings are redundant or suspicious entries.
const (
	SeverityWarning Severity = iota + 1
	SeverityError
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == SeverityError {
		return "error"
	}
	return "warning"
}

// Finding is one problem Check found in a loaded Set.
type Finding struct {
	Pos      annalist.Position
	Kind     Kind
	Severity Severity
	// Check names the rule: "duplicate", "conflict", "date", "overlap",
	// "no-code", "code", "synset-order", "synset-unused", "synset-empty",
	// "block-empty", "block-dead", "pattern-actors", "transform".
	Check   string
	Message string
}

// String formats the finding as "path:line:col: severity: message (check)".
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s (%s)", f.Pos, f.Severity, f.Message, f.Check)
}

// Check lints a loaded Set and returns its findings sorted by file, line
// and column. It never fails; a nil or empty Set has no findings. The
// rules, per kind:
//
//   - all kinds: the same phrase twice ("duplicate" when the codes agree,
//     "conflict" when they differ);
//   - verbs: a verb form in two entries, a synset used before its
//     definition, unused or empty synsets, blocks without verbs, blocks
//     whose verbs can never code (null code, no verb codes, no patterns),
//     patterns with several $ or several +, codes that are not "---" or two
//     to four digits, transformations naming unknown verbs or slots;
//   - actors: impossible dates (month 13, 31 April, from after to),
//     restrictions that overlap by more than their boundary day with
//     different codes (the first in file order wins), records without any
//     code, a second undated code that can never apply;
//   - issues: entries written without a code outside COUNTEVENT sections.
//
// Syntax errors are not repeated here: the readers report them.
func Check(set *Set) []Finding {
	if set == nil {
		return nil
	}
	c := checker{}
	if set.Verbs != nil {
		c.verbs(set.Verbs)
	}
	c.actors(set.Actors)
	c.agents(set.Agents)
	c.discards(set.Discards)
	c.issues(set.Issues)
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i].Pos, c.out[j].Pos
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return c.out
}

type checker struct {
	out []Finding
}

func (c *checker) add(kind Kind, sev Severity, check, path string, line, col int, format string, args ...any) {
	c.out = append(c.out, Finding{Pos: annalist.Position{Path: path, Line: line, Col: col}, Kind: kind,
		Severity: sev, Check: check, Message: fmt.Sprintf(format, args...)})
}

// phraseKey renders a phrase so that equal keys match the same text.
func phraseKey(ph Phrase) string {
	var b strings.Builder
	for i, e := range ph.Elems {
		if i > 0 {
			if ph.Elems[i-1].Consecutive {
				b.WriteByte('_')
			} else {
				b.WriteByte(' ')
			}
		}
		switch e.Kind {
		case ElemSynset:
			b.WriteByte('&')
			b.WriteString(e.Word)
		case ElemWord:
			b.WriteString(e.Word)
		default:
			b.WriteString(elemToken(e.Kind))
		}
	}
	if ph.Exact {
		b.WriteByte('_')
	}
	return b.String()
}

// squeeze collapses runs of blanks, for messages quoting aligned dictionary text.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func elemToken(k ElemKind) string {
	switch k {
	case ElemVerb:
		return "*"
	case ElemSource:
		return "$"
	case ElemTarget:
		return "+"
	case ElemCompound:
		return "%"
	case ElemSkip:
		return "^"
	}
	return "?"
}

// String returns the code as written in brackets: "[064]", "[032:033]".
func (c Code) String() string {
	if c.Secondary == "" {
		return "[" + c.Primary + "]"
	}
	return "[" + c.Primary + ":" + c.Secondary + "]"
}

// plainCode reports whether s is a verb code Annalist understands: "---"
// or two to four digits.
func plainCode(s string) bool {
	if s == "---" {
		return true
	}
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (c *checker) verbs(vd *VerbDict) {
	// pathOf says where an entry is: its own Path, or the dictionary's for
	// entries built by hand without one.
	pathOf := func(p string) string {
		if p == "" {
			return vd.Path
		}
		return p
	}
	// at names a line of another entry: "line N" in the same file, "path:N" in another.
	at := func(path, other string, line int) string {
		if other = pathOf(other); other != path {
			return other + ":" + strconv.Itoa(line)
		}
		return "line " + strconv.Itoa(line)
	}
	used := map[string]bool{}
	checkRefs := func(path string, elems []Elem, line int) {
		for _, e := range elems {
			if e.Kind != ElemSynset {
				continue
			}
			used[e.Word] = true
			if s, ok := vd.Synsets[e.Word]; ok && pathOf(s.Path) == path && s.Line > line {
				c.add(KindVerbs, SeverityWarning, "synset-order", path, line, e.Col,
					"synset &%s is used before its definition on line %d (PETRARCH ignores such patterns)", e.Word, s.Line)
			}
		}
	}
	names := make([]string, 0, len(vd.Synsets))
	for n := range vd.Synsets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		s := vd.Synsets[n]
		path := pathOf(s.Path)
		if len(s.Phrases) == 0 {
			c.add(KindVerbs, SeverityWarning, "synset-empty", path, s.Line, 1, "synset &%s has no phrases", s.Name)
		}
		seen := map[string]int{}
		for _, ph := range s.Phrases {
			checkRefs(path, ph.Elems, ph.Line)
			if ph.Generated {
				continue
			}
			k := phraseKey(ph)
			if first, ok := seen[k]; ok {
				c.add(KindVerbs, SeverityWarning, "duplicate", path, ph.Line, 1, "synset &%s lists %s twice (first on line %d)", s.Name, k, first)
			} else {
				seen[k] = ph.Line
			}
		}
	}
	type verbAt struct {
		block *Block
		verb  *Verb
	}
	forms := map[string]verbAt{}
	reported := map[[2]*Verb]bool{}
	lemmas := map[string]bool{}
	for _, b := range vd.Blocks {
		path := pathOf(b.Path)
		for _, h := range b.Merged {
			if !h.Code.IsNull() && h.Code != b.Code {
				c.add(KindVerbs, SeverityWarning, "block-code", pathOf(h.Path), h.Line, 1,
					"block %s keeps code %s from %s; the code %s given here is ignored", b.Name, b.Code, at(pathOf(h.Path), b.Path, b.Line), h.Code)
			}
		}
		if len(b.Verbs) == 0 {
			c.add(KindVerbs, SeverityWarning, "block-empty", path, b.Line, 1, "block %s has no verbs", b.Name)
		}
		if b.Code.IsNull() && len(b.Patterns) == 0 && len(b.Verbs) > 0 {
			coded := false
			for _, v := range b.Verbs {
				if v.Code != (Code{}) && !v.Code.IsNull() {
					coded = true
				}
			}
			if !coded {
				c.add(KindVerbs, SeverityWarning, "block-dead", path, b.Line, 1, "block %s has the null code, no verb codes and no patterns: its verbs never code", b.Name)
			}
		}
		c.code(path, b.Line, b.Code, "block "+b.Name)
		for i := range b.Verbs {
			v := &b.Verbs[i]
			vpath := pathOf(v.Path)
			if v.Code != (Code{}) {
				c.code(vpath, v.Line, v.Code, "verb "+v.Lemma)
			}
			for _, f := range v.Forms {
				k := strings.Join(f.Words, " ")
				lemmas[k] = true
				prev, ok := forms[k]
				if !ok {
					forms[k] = verbAt{b, v}
					continue
				}
				if prev.verb == v || reported[[2]*Verb{prev.verb, v}] {
					continue
				}
				reported[[2]*Verb{prev.verb, v}] = true
				codeOf := func(a verbAt) Code {
					if a.verb.Code != (Code{}) {
						return a.verb.Code
					}
					return a.block.Code
				}
				if prev.block == b {
					c.add(KindVerbs, SeverityWarning, "duplicate", vpath, v.Line, 1, "verb form %s also comes from %s on %s of the same block", k, prev.verb.Text, at(vpath, prev.verb.Path, prev.verb.Line))
				} else {
					sev, check := SeverityWarning, "duplicate"
					if codeOf(prev) != codeOf(verbAt{b, v}) || len(prev.block.Patterns)+len(b.Patterns) > 0 {
						sev, check = SeverityError, "conflict"
					}
					c.add(KindVerbs, sev, check, vpath, v.Line, 1, "verb form %s is in block %s (%s) and block %s (line %d)", k, prev.block.Name, at(vpath, prev.verb.Path, prev.verb.Line), b.Name, v.Line)
				}
			}
		}
		seen := map[string]*Pattern{}
		for i := range b.Patterns {
			pat := &b.Patterns[i]
			path := pathOf(pat.Path)
			checkRefs(path, pat.Elems, pat.Line)
			c.code(path, pat.Line, pat.Code, "pattern")
			var src, tgt int
			for _, e := range pat.Elems {
				switch e.Kind {
				case ElemSource:
					src++
				case ElemTarget:
					tgt++
				}
			}
			if src > 1 {
				c.add(KindVerbs, SeverityWarning, "pattern-actors", path, pat.Line, 1, "pattern has %d sources $", src)
			}
			if tgt > 1 {
				c.add(KindVerbs, SeverityWarning, "pattern-actors", path, pat.Line, 1, "pattern has %d targets +", tgt)
			}
			k := patternKey(pat)
			if first, ok := seen[k]; ok {
				if first.Code == pat.Code {
					c.add(KindVerbs, SeverityWarning, "duplicate", path, pat.Line, 1, "pattern %q repeats %s", squeeze(pat.Text), at(path, first.Path, first.Line))
				} else {
					c.add(KindVerbs, SeverityError, "conflict", path, pat.Line, 1, "pattern %q has code %s here and %s on %s", squeeze(pat.Text), pat.Code, first.Code, at(path, first.Path, first.Line))
				}
			} else {
				seen[k] = pat
			}
		}
	}
	for _, n := range names {
		if s := vd.Synsets[n]; !used[n] {
			c.add(KindVerbs, SeverityWarning, "synset-unused", pathOf(s.Path), s.Line, 1, "synset &%s is never used", s.Name)
		}
	}
	seenX := map[string]Transform{}
	for _, t := range vd.Transforms {
		path := pathOf(t.Path)
		k := strings.Join([]string{string(t.Source), string(t.InnerSource), string(t.InnerTarget), t.InnerVerb, t.Verb}, " ")
		if first, ok := seenX[k]; ok {
			if first.OutSource == t.OutSource && first.OutTarget == t.OutTarget && first.OutCode == t.OutCode {
				c.add(KindVerbs, SeverityWarning, "duplicate", path, t.Line, 1, "transformation repeats %s", at(path, first.Path, first.Line))
			} else {
				c.add(KindVerbs, SeverityError, "conflict", path, t.Line, 1, "transformation gives %s %s %s here and %s %s %s on %s, which wins",
					t.OutSource, t.OutTarget, t.OutCode, first.OutSource, first.OutTarget, first.OutCode, at(path, first.Path, first.Line))
			}
		} else {
			seenX[k] = t
		}
		slots := map[TransformSlot]bool{t.Source: true, t.InnerSource: true, t.InnerTarget: true}
		for _, s := range []TransformSlot{t.OutSource, t.OutTarget} {
			if s != "." && s != "_" && !slots[s] {
				c.add(KindVerbs, SeverityWarning, "transform", path, t.Line, 1, "transformation outputs slot %s, which its left side does not name", s)
			}
		}
		for _, v := range []string{t.InnerVerb, t.Verb} {
			if v != "Q" && !lemmas[v] {
				c.add(KindVerbs, SeverityWarning, "transform", path, t.Line, 1, "transformation verb %s is not in any verb block", v)
			}
		}
		if t.OutCode != "Q" && !plainCode(t.OutCode) {
			c.add(KindVerbs, SeverityWarning, "code", path, t.Line, 1, "unusual code %s in transformation", t.OutCode)
		}
	}
}

// patternKey renders a pattern's elements with their roles and groups, so that
// patterns equal up to spacing get equal keys.
func patternKey(pat *Pattern) string {
	var b strings.Builder
	for _, e := range pat.Elems {
		b.WriteString(elemKey(e))
		b.WriteByte(byte('0' + e.Role))
		b.WriteString(strconv.Itoa(e.Group))
		if e.Consecutive {
			b.WriteByte('_')
		}
		b.WriteByte(' ')
	}
	for _, g := range pat.Groups {
		fmt.Fprintf(&b, "|%d.%d", g.Kind, g.Parent)
	}
	if pat.Exact {
		b.WriteByte('_')
	}
	return b.String()
}

func elemKey(e Elem) string {
	switch e.Kind {
	case ElemWord:
		return e.Word
	case ElemSynset:
		return "&" + e.Word
	}
	return elemToken(e.Kind)
}

func (c *checker) code(path string, line int, code Code, what string) {
	for _, s := range []string{code.Primary, code.Secondary} {
		switch {
		case s == "":
		case s == "###":
			c.add(KindVerbs, SeverityWarning, "code", path, line, 1, "%s has the TABARI discard code [###], which PETRARCH does not use", what)
		case !plainCode(s):
			c.add(KindVerbs, SeverityWarning, "code", path, line, 1, "%s has the unusual code %s", what, code)
		}
	}
}

// validDate reports whether a YYYYMMDD integer is a calendar date.
func validDate(d int) bool {
	y, m, day := d/10000, d/100%100, d%100
	if y < 1000 || y > 2999 || m < 1 || m > 12 || day < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 29
	}
	return day <= days
}

// span returns the closed interval a restriction covers, with open ends
// at the extremes of the integer range.
func (d DatedCode) span() (lo, hi int) {
	switch d.Kind {
	case DateBefore:
		return 0, d.From
	case DateAfter:
		return d.From, 99999999
	case DateBetween:
		return d.From, d.To
	}
	return 0, 99999999
}

func (c *checker) actors(actors []*Actor) {
	type at struct {
		a    *Actor
		line int
	}
	seen := map[string]at{}
	for _, a := range actors {
		for _, ph := range a.Phrases {
			k := phraseKey(ph)
			prev, ok := seen[k]
			if !ok {
				seen[k] = at{a, ph.Line}
				continue
			}
			if prev.a == a {
				c.add(KindActors, SeverityWarning, "duplicate", a.Path, ph.Line, 1, "phrase %s repeats line %d of the same record", k, prev.line)
				continue
			}
			where := strconv.Itoa(prev.line)
			if prev.a.Path != a.Path {
				where = prev.a.Path + ":" + where
			}
			if sameCodes(prev.a.Codes, a.Codes) {
				c.add(KindActors, SeverityWarning, "duplicate", a.Path, ph.Line, 1, "phrase %s repeats %s with the same codes", k, where)
			} else {
				c.add(KindActors, SeverityError, "conflict", a.Path, ph.Line, 1, "phrase %s has codes %s here and %s at %s", k, codesString(a.Codes), codesString(prev.a.Codes), where)
			}
		}
		if len(a.Codes) == 0 {
			c.add(KindActors, SeverityWarning, "no-code", a.Path, a.Line, 1, "actor %s has no code", a.Root)
		}
		undated := 0
		for i, d := range a.Codes {
			switch d.Kind {
			case DateAny:
				undated++
				if undated == 2 {
					c.add(KindActors, SeverityWarning, "no-code", a.Path, d.Line, 1, "second undated code [%s] for %s never applies", d.Code, a.Root)
				}
				continue
			case DateBetween:
				if !validDate(d.To) {
					c.add(KindActors, SeverityError, "date", a.Path, d.Line, 1, "impossible date %d in [%s]", d.To, d.Code)
				}
				if d.From > d.To {
					c.add(KindActors, SeverityError, "date", a.Path, d.Line, 1, "restriction [%s %d-%d] ends before it starts", d.Code, d.From, d.To)
				}
			}
			if !validDate(d.From) {
				c.add(KindActors, SeverityError, "date", a.Path, d.Line, 1, "impossible date %d in [%s]", d.From, d.Code)
			}
			lo, hi := d.span()
			for _, e := range a.Codes[:i] {
				if e.Kind == DateAny || e.Code == d.Code {
					continue
				}
				elo, ehi := e.span()
				olo, ohi := max(lo, elo), min(hi, ehi)
				if olo < ohi { // more than a shared boundary day
					c.add(KindActors, SeverityWarning, "overlap", a.Path, d.Line, 1,
						"restriction [%s] overlaps [%s] of line %d from %d to %d; the earlier line wins", d.Code, e.Code, e.Line, olo, ohi)
				}
			}
		}
	}
}

func sameCodes(a, b []DatedCode) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Code != y.Code || x.Kind != y.Kind || x.From != y.From || x.To != y.To {
			return false
		}
	}
	return true
}

func codesString(cs []DatedCode) string {
	if len(cs) == 0 {
		return "(none)"
	}
	parts := make([]string, len(cs))
	for i, d := range cs {
		switch d.Kind {
		case DateAny:
			parts[i] = "[" + d.Code + "]"
		case DateBefore:
			parts[i] = fmt.Sprintf("[%s <%d]", d.Code, d.From)
		case DateAfter:
			parts[i] = fmt.Sprintf("[%s >%d]", d.Code, d.From)
		case DateBetween:
			parts[i] = fmt.Sprintf("[%s %d-%d]", d.Code, d.From, d.To)
		}
	}
	return strings.Join(parts, " ")
}

func agentCode(a *Agent) string {
	if a.Prefix {
		return "[" + a.Code + "~]"
	}
	return "[~" + a.Code + "]"
}

func (c *checker) agents(agents []*Agent) {
	type at struct {
		a  *Agent
		ph Phrase
	}
	seen := map[string]at{}
	for _, a := range agents {
		for _, ph := range a.Phrases {
			k := phraseKey(ph)
			prev, ok := seen[k]
			if !ok {
				seen[k] = at{a, ph}
				continue
			}
			if prev.a == a {
				continue // e.g. a written plural equal to the generated one
			}
			how := ""
			if ph.Generated || prev.ph.Generated {
				how = " (counting generated forms)"
			}
			where := strconv.Itoa(prev.a.Line)
			if prev.a.Path != a.Path {
				where = prev.a.Path + ":" + where
			}
			if prev.a.Code == a.Code && prev.a.Prefix == a.Prefix {
				c.add(KindAgents, SeverityWarning, "duplicate", a.Path, a.Line, 1, "phrase %s repeats %s%s", k, where, how)
			} else {
				c.add(KindAgents, SeverityError, "conflict", a.Path, a.Line, 1, "phrase %s has code %s here and %s at %s%s", k, agentCode(a), agentCode(prev.a), where, how)
			}
		}
	}
}

func (c *checker) discards(ds []*Discard) {
	seen := map[string]*Discard{}
	for _, d := range ds {
		k := strings.Join(d.Words, " ")
		if d.WordEnd {
			k += "_"
		}
		if prev, ok := seen[k]; ok {
			sev, check, msg := SeverityWarning, "duplicate", "discard %s repeats line %d"
			if prev.Story != d.Story {
				sev, check, msg = SeverityError, "conflict", "discard %s is story-level on one line and sentence-level on the other (line %d)"
			}
			c.add(KindDiscards, sev, check, d.Path, d.Line, 1, msg, k, prev.Line)
			continue
		}
		seen[k] = d
	}
}

func (c *checker) issues(is []*IssueEntry) {
	type at struct{ e *IssueEntry }
	seen := map[string]at{}
	for _, e := range is {
		if !e.Ignore && e.Type != "COUNTEVENT" && !strings.Contains(e.Text, "[") {
			c.add(KindIssues, SeverityWarning, "no-code", e.Path, e.Line, 1, "issue entry %q has no code; it counts as %s", e.Text, e.Code)
		}
		for _, ph := range e.Phrases {
			k := strings.Join(ph, " ")
			if e.Ignore {
				k = "~" + k
			}
			prev, ok := seen[k]
			if !ok {
				seen[k] = at{e}
				continue
			}
			if prev.e == e {
				continue
			}
			if prev.e.Code == e.Code {
				c.add(KindIssues, SeverityWarning, "duplicate", e.Path, e.Line, 1, "phrase %s repeats line %d", k, prev.e.Line)
			} else {
				c.add(KindIssues, SeverityError, "conflict", e.Path, e.Line, 1, "phrase %s has code %s here and %s on line %d", k, e.Code, prev.e.Code, prev.e.Line)
			}
			break // one report per entry is enough
		}
	}
}

// Counts summarises a Set.
type Counts struct {
	Files int
	// Verbs.
	Synsets, SynsetPhrases, Blocks, Verbs, VerbForms, Patterns, Transforms int
	// Actors.
	Actors, ActorPhrases, ActorCodes int
	// Agents.
	Agents, AgentPhrases, SubstSets int
	Discards                        int
	Issues, IssuePhrases            int
}

// Count counts the entries of a Set; phrase and form counts include
// generated ones. A nil Set counts zero.
func Count(set *Set) Counts {
	var n Counts
	if set == nil {
		return n
	}
	n.Files = len(set.Files)
	if vd := set.Verbs; vd != nil {
		n.Synsets = len(vd.Synsets)
		for _, s := range vd.Synsets {
			n.SynsetPhrases += len(s.Phrases)
		}
		n.Blocks = len(vd.Blocks)
		for _, b := range vd.Blocks {
			n.Verbs += len(b.Verbs)
			for _, v := range b.Verbs {
				n.VerbForms += len(v.Forms)
			}
			n.Patterns += len(b.Patterns)
		}
		n.Transforms = len(vd.Transforms)
	}
	n.Actors = len(set.Actors)
	for _, a := range set.Actors {
		n.ActorPhrases += len(a.Phrases)
		n.ActorCodes += len(a.Codes)
	}
	n.Agents = len(set.Agents)
	for _, a := range set.Agents {
		n.AgentPhrases += len(a.Phrases)
	}
	n.SubstSets = len(set.Subst)
	n.Discards = len(set.Discards)
	n.Issues = len(set.Issues)
	for _, e := range set.Issues {
		n.IssuePhrases += len(e.Phrases)
	}
	return n
}
