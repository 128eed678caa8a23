package server

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"sort"

	"github.com/annalist/annalist/cameo"
	"github.com/annalist/annalist/engine"
)

// cameoRoot is one CAMEO root as /v1/cameo lists it.
type cameoRoot struct {
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
}

// quadClass is one QuadClass value and its name.
type quadClass struct {
	Value int    `json:"value"`
	Name  string `json:"name"`
}

// cameoJSON encodes the vocabulary the filters use, from the engine's
// codebook: the 20 roots, the QuadClasses and the PLOVER types.
func cameoJSON(eng *engine.Engine) []byte {
	var v struct {
		Roots  []cameoRoot `json:"roots"`
		Quads  []quadClass `json:"quad_classes"`
		PLOVER []string    `json:"plover"`
	}
	v.Roots, v.Quads, v.PLOVER = []cameoRoot{}, []quadClass{}, []string{}
	seen := map[string]bool{}
	for _, e := range eng.Codebook().Entries() {
		if e.Parent == "" {
			v.Roots = append(v.Roots, cameoRoot{Code: e.Code, Name: e.Name, QuadClass: e.QuadClass, Goldstein: e.Goldstein})
		}
		if e.PLOVER != "" && !seen[e.PLOVER] {
			seen[e.PLOVER] = true
			v.PLOVER = append(v.PLOVER, e.PLOVER)
		}
	}
	sort.Strings(v.PLOVER)
	for q := 0; q <= 4; q++ {
		v.Quads = append(v.Quads, quadClass{q, cameo.QuadClassName(q)})
	}
	b, _ := json.Marshal(v)
	return append(b, '\n')
}

// cameoList answers GET /v1/cameo: CAMEO roots, QuadClasses and PLOVER types.
func (s *server) cameoList(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r, nil); err != nil {
		return err
	}
	if err := s.needEngine(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(s.cameo)
	return nil
}

// openapiDoc is the OpenAPI 3.1 description of the API, written by hand.
//
//go:embed openapi.json
var openapiDoc []byte

// openapi answers GET /v1/openapi.json.
func (s *server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openapiDoc)
	return nil
}
