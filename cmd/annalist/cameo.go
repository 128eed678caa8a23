package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/cameo"
)

// cameoCmd is "annalist cameo": it prints CAMEO codebook entries and searches them.
type cameoCmd struct {
	e         *env
	fs        *flag.FlagSet
	asJSON    bool
	codes     string
	plover    string
	goldstein string
}

// newCameoCmd returns the cameo command writing to e's streams.
func newCameoCmd(e *env) command {
	c := &cameoCmd{e: e, fs: flag.NewFlagSet("cameo", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.BoolVar(&c.asJSON, "json", false, "print JSON instead of text")
	c.fs.StringVar(&c.codes, "codes", "", "codes CSV `file` to use instead of the embedded cameo-codes.csv")
	c.fs.StringVar(&c.plover, "plover", "", "CAMEO-to-PLOVER table `file` instead of the embedded one (\"-\" for none)")
	c.fs.StringVar(&c.goldstein, "goldstein", "", "Goldstein overrides `file` instead of the embedded ones (\"-\" for none)")
	c.fs.Usage = func() {
		w := c.fs.Output()
		fmt.Fprintln(w, "Usage: annalist cameo [flags] CODE...")
		fmt.Fprintln(w, "       annalist cameo search [flags] WORDS...")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Prints CAMEO event codes with their name, root, Goldstein score, QuadClass,")
		fmt.Fprintln(w, "PLOVER type and the codebook's description, usage notes and example; or lists")
		fmt.Fprintln(w, "the codes whose text contains all the WORDS, best match first.")
		fmt.Fprintln(w, "Exits 1 when a CODE is not in the codebook or nothing matches.")
		fmt.Fprintln(w)
		c.fs.PrintDefaults()
	}
	return c
}

// Name returns "cameo".
func (c *cameoCmd) Name() string { return "cameo" }

// Synopsis says what the command does, for the command list.
func (c *cameoCmd) Synopsis() string { return "look up or search CAMEO event codes" }

// Run prints the entries named in args, or with "search" the entries matching
// the words. It fails with EINVALID for bad flags or no arguments, ENOTFOUND
// for an unknown code or a search without results (after printing whatever
// was found), and with the codebook's error when a --codes/--plover/--goldstein
// file cannot be read.
func (c *cameoCmd) Run(ctx context.Context, args []string) error {
	if err := c.parse(args); err != nil {
		return err
	}
	rest := c.fs.Args()
	search := len(rest) > 0 && rest[0] == "search"
	if search {
		// Flags may also follow "search".
		if err := c.parse(rest[1:]); err != nil {
			return err
		}
		rest = c.fs.Args()
	}
	if len(rest) == 0 {
		c.fs.Usage()
		if search {
			return annalist.Errorf(annalist.EINVALID, "cameo search: no words given")
		}
		return annalist.Errorf(annalist.EINVALID, "cameo: no code given")
	}
	cb, err := cameo.Load(c.codes, c.plover, c.goldstein)
	if err != nil {
		return err
	}
	if search {
		return c.search(cb, strings.Join(rest, " "))
	}
	return c.lookup(cb, rest)
}

// parse parses flags, turning flag errors into EINVALID (flag.ErrHelp passes through).
func (c *cameoCmd) parse(args []string) error {
	if err := c.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return annalist.Errorf(annalist.EINVALID, "cameo: %v", err)
	}
	return nil
}

func (c *cameoCmd) lookup(cb *cameo.Codebook, codes []string) error {
	var found []cameo.Entry
	var missing []string
	for _, code := range codes {
		e, ok := cb.Entry(code)
		if !ok {
			msg := fmt.Sprintf("no CAMEO code %q in the codebook", code)
			if n, ok := cb.Normalize(code); ok {
				p, _ := cb.Entry(n)
				msg += fmt.Sprintf(" (nearest ancestor: %s %q)", n, p.Name)
			}
			missing = append(missing, msg)
			continue
		}
		found = append(found, e)
	}
	if c.asJSON {
		if err := cameoWriteJSON(c.e.stdout, found); err != nil {
			return err
		}
	} else {
		for i, e := range found {
			if i > 0 {
				fmt.Fprintln(c.e.stdout)
			}
			root, _ := cb.Entry(e.Root)
			parent, _ := cb.Entry(e.Parent)
			cameoWriteEntry(c.e.stdout, e, root, parent)
		}
	}
	if len(missing) > 0 {
		return annalist.Errorf(annalist.ENOTFOUND, "cameo: %s", strings.Join(missing, "; "))
	}
	return nil
}

func (c *cameoCmd) search(cb *cameo.Codebook, query string) error {
	res := cb.Search(query)
	if c.asJSON {
		if res == nil {
			res = []cameo.Entry{}
		}
		if err := cameoWriteJSON(c.e.stdout, res); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(c.e.stdout, 0, 0, 2, ' ', 0)
		for _, e := range res {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Code, e.Name, cameoGoldstein(e.Goldstein))
		}
		if err := tw.Flush(); err != nil {
			return annalist.Errorf(annalist.EUNAVAILABLE, "cameo: %v", err)
		}
	}
	if len(res) == 0 {
		return annalist.Errorf(annalist.ENOTFOUND, "cameo search: no code matches %q", query)
	}
	return nil
}

func cameoWriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "cameo: %v", err)
	}
	return nil
}

func cameoGoldstein(g float64) string { return strconv.FormatFloat(g, 'f', -1, 64) }

// cameoWriteEntry prints one entry as labelled, wrapped lines.
func cameoWriteEntry(w io.Writer, e, root, parent cameo.Entry) {
	fmt.Fprintf(w, "%s  %s\n", e.Code, e.Name)
	field := func(label, text string) {
		if text != "" {
			fmt.Fprint(w, cameoWrap(fmt.Sprintf("  %-13s", label+":"), text, 79))
		}
	}
	field("root", e.Root+" "+root.Name)
	if e.Parent != "" && e.Parent != e.Root {
		field("parent", e.Parent+" "+parent.Name)
	}
	field("Goldstein", cameoGoldstein(e.Goldstein))
	field("QuadClass", fmt.Sprintf("%d (%s)", e.QuadClass, cameo.QuadClassName(e.QuadClass)))
	switch {
	case e.PLOVER == "" && (e.Root == "01" || e.Root == "02"):
		field("PLOVER", "none (PLOVER drops CAMEO roots 01 and 02)")
	case e.PLOVER == "":
		field("PLOVER", "none")
	default:
		field("PLOVER", fmt.Sprintf("%s (mode: %s; context: %s)", e.PLOVER, cameoDash(e.Mode), cameoDash(strings.ReplaceAll(e.Context, ";", ", "))))
	}
	field("description", e.Description)
	field("usage notes", e.UsageNotes)
	field("example", e.Example)
}

func cameoDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cameoWrap returns text word-wrapped to width columns, the first line starting
// with prefix and the others indented to the prefix's width.
func cameoWrap(prefix, text string, width int) string {
	var b strings.Builder
	indent := strings.Repeat(" ", len(prefix))
	b.WriteString(prefix)
	col := len(prefix)
	first := true
	for _, word := range strings.Fields(text) {
		n := len([]rune(word))
		if !first && col+1+n > width {
			b.WriteString("\n")
			b.WriteString(indent)
			col = len(indent)
			first = true
		}
		if !first {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
		first = false
	}
	b.WriteString("\n")
	return b.String()
}
