package clean

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestCleanMutations cleans randomly damaged copies of the seed captures
// (a deterministic stand-in for fuzzing in go test): every cleaning must
// be fast and account for every line.
func TestCleanMutations(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	r := rand.New(rand.NewSource(1))
	for _, s := range seeds {
		raw, _ := os.ReadFile(s)
		for k := 0; k < 100; k++ {
			b := append([]byte(nil), raw...)
			for m := 0; m < 1+r.Intn(20); m++ {
				i := r.Intn(len(b))
				switch r.Intn(3) {
				case 0:
					b[i] = byte(r.Intn(256))
				case 1:
					b = append(b[:i], b[min(len(b), i+r.Intn(50)):]...)
				case 2:
					j := r.Intn(len(b))
					b = append(b[:i], append(append([]byte(nil), b[j:min(len(b), j+r.Intn(200))]...), b[i:]...)...)
				}
				if len(b) == 0 {
					b = []byte("x")
				}
			}
			start := time.Now()
			a, err := Clean("x.txt", b)
			if d := time.Since(start); d > time.Second {
				t.Fatalf("%s mutation %d: Clean took %v", s, k, d)
			}
			if err == nil {
				src, _ := decode(b, false)
				checkAccounted(t, src, a)
				if t.Failed() {
					t.Fatalf("%s mutation %d: %q", s, k, b)
				}
			}
		}
	}
}

// TestDeterministic cleans each test capture twice and compares the
// results: no map order or other state may reach the output.
func TestDeterministic(t *testing.T) {
	var inputs []string
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	inputs = append(inputs, seeds...)
	// Each is cleaned twice in a row, and again after all the others:
	// the text cleaner reuses its memory from one capture to the next.
	var firsts []*Article
	for _, in := range inputs {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		a1, err1 := Clean(in, raw)
		a2, err2 := Clean(in, raw)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !reflect.DeepEqual(a1, a2) {
			t.Errorf("%s: two cleanings differ", in)
		}
		firsts = append(firsts, a1)
	}
	for i := len(inputs) - 1; i >= 0; i-- {
		raw, _ := os.ReadFile(inputs[i])
		if a, _ := Clean(inputs[i], raw); !reflect.DeepEqual(a, firsts[i]) {
			t.Errorf("%s: cleaned again after the others, it differs", inputs[i])
		}
	}
	page := []byte(page("", `<div class="a">`+paras(prose...)+`</div><div class="a">`+paras(prose...)+`</div>`))
	h1, _ := Clean("p.html", page)
	h2, _ := Clean("p.html", page)
	if !reflect.DeepEqual(h1, h2) {
		t.Errorf("HTML: two cleanings differ")
	}
}
