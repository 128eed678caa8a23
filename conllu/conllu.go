// Package conllu reads and writes CoNLL-U files, the Universal Dependencies treebank format.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// Word is one syntactic word (a line with an integer ID) of a CoNLL-U sentence.
type Word struct {
	ID     int    // 1-based position in the sentence
	Form   string // word form
	Lemma  string
	UPOS   string // universal part of speech
	XPOS   string // language-specific tag: Penn Treebank for English
	Feats  string
	Head   int    // 0 for the root
	Deprel string // universal relation, possibly with a subtype ("nmod:poss")
	Deps   string
	Misc   string
}

// Sentence is one sentence: its comment lines, its words, and the multi-word
// tokens ("don't" = "do" + "n't") that span several words.
type Sentence struct {
	ID       string // from "# sent_id = ..."
	Text     string // from "# text = ..."
	Comments []string
	Words    []Word
	// Tokens maps the first word ID of a multi-word token to its surface form and last word ID.
	Tokens map[int]MultiWord
	// Line is the 1-based line where the sentence starts in its file.
	Line int
}

// MultiWord is a surface token that covers words From..To.
type MultiWord struct {
	From, To int
	Form     string
}

// Reader reads sentences one at a time.
type Reader struct {
	s    *bufio.Scanner
	path string
	line int
}

// NewReader returns a Reader over r; path is used only in error messages.
func NewReader(r io.Reader, path string) *Reader {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 1<<20), 1<<24)
	return &Reader{s: s, path: path}
}

// Read returns the next sentence, or io.EOF after the last. A malformed line
// yields an *annalist.Error with path:line:col; the reader then skips to the
// next sentence, so callers may keep reading.
func (r *Reader) Read() (*Sentence, error) {
	var sent *Sentence
	var bad error
	for r.s.Scan() {
		r.line++
		line := r.s.Text()
		if strings.TrimSpace(line) == "" {
			if sent != nil || bad != nil {
				if bad != nil {
					return nil, bad
				}
				return sent, nil
			}
			continue
		}
		if sent == nil {
			sent = &Sentence{Line: r.line}
		}
		if bad != nil {
			continue
		}
		if strings.HasPrefix(line, "#") {
			c := strings.TrimSpace(line[1:])
			sent.Comments = append(sent.Comments, c)
			if k, v, ok := strings.Cut(c, "="); ok {
				switch strings.TrimSpace(k) {
				case "sent_id":
					sent.ID = strings.TrimSpace(v)
				case "text":
					sent.Text = strings.TrimSpace(v)
				}
			}
			continue
		}
		if err := r.addLine(sent, line); err != nil {
			bad = err
		}
	}
	if err := r.s.Err(); err != nil {
		return nil, annalist.Errorf(annalist.EINVALID, "%s: %v", r.path, err)
	}
	if bad != nil {
		return nil, bad
	}
	if sent == nil {
		return nil, io.EOF
	}
	return sent, nil
}

func (r *Reader) addLine(sent *Sentence, line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return annalist.ErrorAt(r.path, r.line, 1, "want 10 tab-separated fields, got %d", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		return nil // empty node of the enhanced graph: not part of the basic tree
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		from, err1 := strconv.Atoi(a)
		to, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || to < from {
			return annalist.ErrorAt(r.path, r.line, 1, "bad multi-word token range %q", id)
		}
		if sent.Tokens == nil {
			sent.Tokens = map[int]MultiWord{}
		}
		sent.Tokens[from] = MultiWord{From: from, To: to, Form: f[1]}
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(sent.Words)+1 {
		return annalist.ErrorAt(r.path, r.line, 1, "word ID %q out of sequence", id)
	}
	head := 0
	if f[6] != "_" {
		head, err = strconv.Atoi(f[6])
		if err != nil || head < 0 {
			col := len(strings.Join(f[:6], "\t")) + 2
			return annalist.ErrorAt(r.path, r.line, col, "bad head %q", f[6])
		}
	}
	sent.Words = append(sent.Words, Word{ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
		Feats: f[5], Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	return nil
}

// ReadAll reads every sentence of r. It stops at the first error.
func ReadAll(r io.Reader, path string) ([]*Sentence, error) {
	cr := NewReader(r, path)
	var out []*Sentence
	for {
		s, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of the CoNLL-U file at path. A file that
// cannot be opened is an ENOTFOUND error; bad content fails as ReadAll does,
// at the first error, with path, line and column.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, annalist.Errorf(annalist.ENOTFOUND, "%v", err)
	}
	defer f.Close()
	return ReadAll(f, path)
}

// Write writes s in CoNLL-U format, followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	for _, wd := range s.Words {
		if mw, ok := s.Tokens[wd.ID]; ok {
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t_\n", mw.From, mw.To, mw.Form)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", wd.ID, wd.Form, dash(wd.Lemma), dash(wd.UPOS),
			dash(wd.XPOS), dash(wd.Feats), wd.Head, dash(wd.Deprel), dash(wd.Deps), dash(wd.Misc))
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
