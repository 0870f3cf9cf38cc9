package site

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// bigOutput is a site of n files whose content says which version it is.
func bigOutput(version string, n int) *Output {
	files := map[string][]byte{"dossier.json": []byte(version)}
	body := strings.Repeat(version+" ", 4000)
	for i := range n {
		files[fmt.Sprintf("sources/page-%04d.html", i)] = []byte(body)
	}
	if version == "B" {
		files["only-in-b.html"] = []byte("b")
	}
	return &Output{files: files}
}

// whichBuild reports which of the outputs dir holds exactly, or "mixed".
func whichBuild(t *testing.T, dir string, outs map[string]*Output) string {
	t.Helper()
	for name, o := range outs {
		if diffs, err := o.Diff(dir); err == nil && len(diffs) == 0 {
			return name
		}
	}
	return "mixed"
}

// TestWriteKilled kills a process in the middle of writing builds, again
// and again, and checks that the output is always one complete build.
func TestWriteKilled(t *testing.T) {
	if dir := os.Getenv("GEN_TEST_WRITE_FOREVER"); dir != "" {
		a, b := bigOutput("A", 300), bigOutput("B", 300)
		for {
			a.Write(dir)
			b.Write(dir)
		}
	}
	outs := map[string]*Output{"A": bigOutput("A", 300), "B": bigOutput("B", 300)}
	dir := filepath.Join(t.TempDir(), "public")
	if err := outs["A"].Write(dir); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for i := range 8 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteKilled$")
		cmd.Env = append(os.Environ(), "GEN_TEST_WRITE_FOREVER="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(30+rand.IntN(200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := whichBuild(t, dir, outs)
		if got == "mixed" {
			t.Fatalf("kill %d left a mixed output", i)
		}
		seen[got]++
	}
	t.Logf("after each kill the output was one whole build: %v", seen)
	// The next write clears what the killed ones left beside the output.
	if err := outs["A"].Write(dir); err != nil {
		t.Fatal(err)
	}
	nothingBeside(t, dir)
}

// TestWriteConcurrent starts several writes of two builds into one folder
// at once: they take turns, and the result is one whole build.
func TestWriteConcurrent(t *testing.T) {
	outs := map[string]*Output{"A": bigOutput("A", 100), "B": bigOutput("B", 100)}
	dir := filepath.Join(t.TempDir(), "public")
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = outs[[]string{"A", "B"}[i%2]].Write(dir)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("write %d: %v", i, err)
		}
	}
	if got := whichBuild(t, dir, outs); got == "mixed" {
		t.Error("concurrent writes left a mixed output")
	}
	nothingBeside(t, dir)
}
