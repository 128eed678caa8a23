package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/annalist/annalist/dict"
)

func TestActorsSuggest(t *testing.T) {
	var out, errb bytes.Buffer
	c := newActorsCmd(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	err := c.Run(context.Background(), []string{"suggest", "--date", "2019-12-19", "../../testdata/corpus/seed-article.txt"})
	if err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	// The demo article introduces two people the Phoenix dictionaries lack.
	for _, want := range []string{"TARIQ_SHAH_BAHRAMI_\n\t[AFGGOV >20191219]", "XU_QILIANG_\n\t[CHNMIL >20191219]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	// The proposals are a valid actors dictionary.
	actors, errs := dict.ReadActors(strings.NewReader(out.String()), "suggested.actors", dict.Options{})
	if len(errs) > 0 || len(actors) < 2 {
		t.Fatalf("suggestions do not read back: %v (%d actors)", errs, len(actors))
	}
	if code, ok := actors[0].CodeAt(20200101); !ok || code == "" {
		t.Errorf("first suggestion has no code after its date: %+v", actors[0])
	}
	if err := c.Run(context.Background(), []string{"propose"}); err == nil {
		t.Error("an unknown subcommand must fail")
	}
}
