package site

import (
	"bytes"
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/gen-dossier/gen/internal/corpus"
)

// TestDataIsMarshal checks that dossier.json, written a batch of
// elements at a time, holds the bytes json.Marshal makes of its content
// as one jsonDossier: for the committed dossier, and for a generated one
// with arrays of several batches.
func TestDataIsMarshal(t *testing.T) {
	gen := fstest.MapFS{}
	for p, data := range corpus.Generate(3*jsonBatch + 7) {
		gen[p] = &fstest.MapFile{Data: data}
	}
	large := repoConfig()
	large.Content = gen
	for name, cfg := range map[string]Config{"committed": repoConfig(), "generated": large} {
		t.Run(name, func(t *testing.T) {
			o, err := Build(cfg)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := o.File("dossier.json")
			d := decodeData(t, data)
			if len(d.Claims) == 0 || len(d.Sources) == 0 || len(d.Events) == 0 || len(d.Figures) == 0 {
				t.Fatalf("dossier.json lacks data: %d sources, %d claims, %d events, %d figures", len(d.Sources), len(d.Claims), len(d.Events), len(d.Figures))
			}
			want, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, want) {
				i := 0
				for i < min(len(data), len(want)) && data[i] == want[i] {
					i++
				}
				t.Errorf("dossier.json differs from json.Marshal of its content at byte %d: %.80q, want %.80q", i, data[i:], want[i:])
			}
		})
	}
}

// decodeData decodes dossier.json, which holds only the fields of a
// jsonDossier.
func decodeData(t *testing.T, data []byte) jsonDossier {
	t.Helper()
	var d jsonDossier
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("dossier.json: %v", err)
	}
	return d
}
