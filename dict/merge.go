package dict

// This file merges a later verb file into the dictionary read so far (see
// LoadOptions.MoreVerbs for the rules as users see them).

// mergeVerbs adds src, a later file read onto dst (readVerbsOnto with
// prior dst), to dst. Blocks match by name, or else by a verb of dst
// whose lemma is the block's name; a matched block gains src's verbs
// (a verb it already lists gains only the forms it lacks, and src's own
// code when it had none) and patterns, and takes src's header code only
// when its own is null. Unmatched blocks, synsets (their names are new:
// the reader refuses redefinitions) and transformations are appended.
// Nothing is dropped: a pattern or transformation identical to an earlier
// one stays, after it, and Check reports it.
func mergeVerbs(dst, src *VerbDict) {
	dst.Paths = append(dst.Paths, src.Paths...)
	for name, s := range src.Synsets {
		dst.Synsets[name] = s
	}
	byName := make(map[string]*Block, len(dst.Blocks))
	byLemma := map[string]*Block{}
	for _, b := range dst.Blocks {
		if _, ok := byName[b.Name]; !ok {
			byName[b.Name] = b
		}
		for i := range b.Verbs {
			if _, ok := byLemma[b.Verbs[i].Lemma]; !ok {
				byLemma[b.Verbs[i].Lemma] = b
			}
		}
	}
	for _, b := range src.Blocks {
		t := byName[b.Name]
		if t == nil {
			t = byLemma[b.Name]
		}
		if t == nil {
			dst.Blocks = append(dst.Blocks, b)
			byName[b.Name] = b
			for i := range b.Verbs {
				if _, ok := byLemma[b.Verbs[i].Lemma]; !ok {
					byLemma[b.Verbs[i].Lemma] = b
				}
			}
			continue
		}
		t.Merged = append(t.Merged, BlockHeader{Path: b.Path, Line: b.Line, Code: b.Code})
		if t.Code.IsNull() && !b.Code.IsNull() {
			t.Code = b.Code
		}
		for _, v := range b.Verbs {
			mergeVerb(t, v)
			if _, ok := byLemma[v.Lemma]; !ok {
				byLemma[v.Lemma] = t
			}
		}
		t.Patterns = append(t.Patterns, b.Patterns...)
	}
	dst.Transforms = append(dst.Transforms, src.Transforms...)
}

// mergeVerb adds v to block t: to the entry of the same lemma if t has one
// (the forms it lacks, and v's code if the entry has none), else as a new entry.
func mergeVerb(t *Block, v Verb) {
	for i := range t.Verbs {
		e := &t.Verbs[i]
		if e.Lemma != v.Lemma {
			continue
		}
		for _, f := range v.Forms {
			if !hasForm(e.Forms, f) {
				e.Forms = append(e.Forms, f)
			}
		}
		if e.Code == (Code{}) {
			e.Code = v.Code
		}
		return
	}
	t.Verbs = append(t.Verbs, v)
}

func hasForm(forms []VerbForm, f VerbForm) bool {
	for _, g := range forms {
		if g.Head == f.Head && equalStrings(g.Words, f.Words) {
			return true
		}
	}
	return false
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
