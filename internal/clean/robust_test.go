package clean

import (
	"math/rand"
	"os"
	"path/filepath"
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
