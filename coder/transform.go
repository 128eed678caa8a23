package coder

import (
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
)

// transform applies PETRARCH-2 transformations ("~ a (a b ATTACK) SAY = a b
// 015"): when the verb vc heads a clause whose own verb is coded, and the
// pair matches a rule, vc's event is rewritten to the rule's source, target
// and code. Verbs in a rule match by lemma or by sharing the dictionary code
// of that lemma, so synonyms match too.
func (c *Coder) transform(s *sentence, vc *verbCoding, date int) {
	if len(vc.srcs) == 0 {
		return
	}
	top := false
	for i := range c.ix.xforms {
		if c.verbIs(vc, c.ix.xforms[i].Verb) {
			top = true
			break
		}
	}
	if !top {
		return // no rule starts with this verb: do not code the clause below
	}
	var inner *verbCoding
	for _, t := range vc.owned {
		iv, ok := c.findVerb(s, t)
		if !ok || iv.tok == vc.v.tok {
			continue
		}
		if ic, _ := c.codeVerb(s, iv, date); ic != nil {
			inner = ic
			break
		}
	}
	for i := range c.ix.xforms {
		x := &c.ix.xforms[i]
		if !c.verbIs(vc, x.Verb) {
			continue
		}
		if inner == nil {
			continue
		}
		if x.InnerVerb != "Q" && !c.verbIs(inner, x.InnerVerb) {
			continue
		}
		a := vc.srcs[0]
		bind := map[dict.TransformSlot]actorVal{"a": a}
		ok := slotMatches(x.InnerSource, inner.srcs, bind) && slotMatches(x.InnerTarget, inner.tgts, bind)
		if !ok {
			continue
		}
		src, okS := bind[x.OutSource]
		tgt, okT := bind[x.OutTarget]
		if !okS || !okT {
			continue
		}
		code := dict.Code{Primary: x.OutCode}
		if x.OutCode == "Q" {
			code = inner.code
		}
		p := provenance(c.ix.dictPath(x.Path), x.Line, "~ "+x.Text, annalist.Span{})
		vc.evidence.Transform = &p
		vc.code = code
		vc.srcs = []actorVal{src}
		vc.tgts = []actorVal{tgt}
		vc.pairs = false
		return
	}
}

// slotMatches checks an inner slot against the inner event's actors and binds letters.
func slotMatches(slot dict.TransformSlot, actors []actorVal, bind map[dict.TransformSlot]actorVal) bool {
	switch slot {
	case ".":
		return true
	case "_":
		return len(actors) == 0 || actors[0].null
	}
	if len(actors) == 0 || actors[0].null {
		return false
	}
	if v, ok := bind[slot]; ok {
		return v.code == actors[0].code
	}
	for _, v := range bind {
		if v.code == actors[0].code {
			return false // a different letter must be a different actor
		}
	}
	bind[slot] = actors[0]
	return true
}

// verbIs reports whether a coded verb matches a verb named in a transformation:
// the same lemma, or the same default code as that lemma.
func (c *Coder) verbIs(vc *verbCoding, name string) bool {
	name = strings.ToUpper(strings.ReplaceAll(name, "_", " "))
	if vc.v.ref.verb.Lemma == name {
		return true
	}
	refs := c.ix.forms[name]
	if len(refs) == 0 {
		return false
	}
	want := refs[0].verb.Code
	if want.Primary == "" {
		want = refs[0].block.b.Code
	}
	got := vc.v.ref.verb.Code
	if got.Primary == "" {
		got = vc.v.ref.block.b.Code
	}
	return !want.IsNull() && want.Primary == got.Primary
}
