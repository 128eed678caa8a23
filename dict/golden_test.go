package dict

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestDumpGolden pins everything the readers produce for the validation
// suite's dictionaries, in a line-per-entry text form.
// Regenerate with: go test ./dict -run Golden -update
func TestDumpGolden(t *testing.T) {
	set, _ := LoadDir(validateDir, Options{})
	golden(t, "validate.golden", []byte(dump(set)))
}

func dumpElems(elems []Elem) string {
	var b strings.Builder
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(elemKey(e))
		fmt.Fprintf(&b, "@%d", e.Col)
		if e.Role != RoleAny || e.Group != 0 {
			fmt.Fprintf(&b, "/r%dg%d", e.Role, e.Group)
		}
		if e.Consecutive {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func dumpPhrase(p Phrase) string {
	s := fmt.Sprintf("L%d %s", p.Line, dumpElems(p.Elems))
	if p.Exact {
		s += " exact"
	}
	if p.Generated {
		s += " gen"
	}
	return s
}

func dump(set *Set) string {
	var b strings.Builder
	if vd := set.Verbs; vd != nil {
		fmt.Fprintf(&b, "verbs %s %s\n", strings.TrimPrefix(vd.Path, validateDir+"/"), vd.Syntax)
		names := make([]string, 0, len(vd.Synsets))
		for n := range vd.Synsets {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			s := vd.Synsets[n]
			fmt.Fprintf(&b, "synset &%s L%d noplurals=%v\n", s.Name, s.Line, s.NoPlurals)
			for _, p := range s.Phrases {
				fmt.Fprintf(&b, "  %s\n", dumpPhrase(p))
			}
		}
		for _, bl := range vd.Blocks {
			fmt.Fprintf(&b, "block %q %s L%d\n", bl.Name, bl.Code, bl.Line)
			for _, v := range bl.Verbs {
				var fs []string
				for _, f := range v.Forms {
					s := strings.Join(f.Words, "_") + fmt.Sprintf("^%d", f.Head)
					if f.Generated {
						s += "(g)"
					}
					fs = append(fs, s)
				}
				fmt.Fprintf(&b, "  verb L%d %q lemma=%q code=%s: %s\n", v.Line, v.Text, v.Lemma, v.Code, strings.Join(fs, " "))
			}
			for _, p := range bl.Patterns {
				fmt.Fprintf(&b, "  pattern L%d %s %s exact=%v groups=%v # %s\n", p.Line, dumpElems(p.Elems), p.Code, p.Exact, p.Groups, p.Comment)
			}
		}
		for _, tr := range vd.Transforms {
			fmt.Fprintf(&b, "transform %+v\n", tr)
		}
	}
	for _, a := range set.Actors {
		fmt.Fprintf(&b, "actor L%d %q\n", a.Line, a.Root)
		for _, p := range a.Phrases {
			fmt.Fprintf(&b, "  %s\n", dumpPhrase(p))
		}
		for _, c := range a.Codes {
			fmt.Fprintf(&b, "  code %+v\n", c)
		}
	}
	subst := make([]string, 0, len(set.Subst))
	for k, v := range set.Subst {
		subst = append(subst, k+" = "+strings.Join(v, ","))
	}
	sort.Strings(subst)
	for _, s := range subst {
		fmt.Fprintf(&b, "subst %s\n", s)
	}
	for _, a := range set.Agents {
		fmt.Fprintf(&b, "agent L%d %q code=%s prefix=%v\n", a.Line, a.Text, a.Code, a.Prefix)
		for _, p := range a.Phrases {
			fmt.Fprintf(&b, "  %s\n", dumpPhrase(p))
		}
	}
	for _, d := range set.Discards {
		fmt.Fprintf(&b, "discard L%d %q words=%v story=%v wordend=%v\n", d.Line, d.Text, d.Words, d.Story, d.WordEnd)
	}
	for _, e := range set.Issues {
		fmt.Fprintf(&b, "issue L%d %q cat=%s type=%s code=%s ignore=%d phrases=%v\n", e.Line, e.Text, e.Category, e.Type, e.Code, e.IgnoreLevel, e.Phrases)
	}
	return b.String()
}
