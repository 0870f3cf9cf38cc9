package browsertest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValid runs the Nu Html Checker over every page of the site and
// expects no error. Warnings are not reported (--errors-only).
func TestHTMLValid(t *testing.T) {
	setup(t)
	t.Parallel() // java runs beside the browser tests
	java, err := exec.LookPath("java")
	if err != nil {
		requireTool(t, "java is not installed")
	}
	jar, err := filepath.Abs(filepath.Join(repoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(jar); err != nil {
		requireTool(t, "the Nu Html Checker is not installed (run npm ci at the repository root): %v", err)
	}
	args := []string{"-jar", jar, "--errors-only", "--format", "json", "--stdout"}
	for _, p := range pages {
		args = append(args, filepath.Join(siteDir, filepath.FromSlash(p)))
	}
	cmd := exec.Command(java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exit status 1 when a page has errors: read the report
	var report struct {
		Messages []struct {
			Type    string `json:"type"`
			URL     string `json:"url"`
			Line    int    `json:"lastLine"`
			Column  int    `json:"firstColumn"`
			Message string `json:"message"`
			Extract string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("reading the checker's report: %v (run: %v)\nstdout: %s\nstderr: %s", err, runErr, stdout.Bytes(), stderr.Bytes())
	}
	prefix := "file:" + filepath.ToSlash(siteDir) + "/"
	for _, m := range report.Messages {
		if m.Type == "info" {
			continue
		}
		page := strings.TrimPrefix(m.URL, prefix)
		t.Errorf("%s:%d:%d: %s: %s\n\t%q", page, m.Line, m.Column, m.Type, m.Message, m.Extract)
	}
	if runErr != nil && !t.Failed() {
		t.Fatalf("the checker failed: %v\n%s", runErr, stderr.Bytes())
	}
	t.Logf("checked %d pages", len(pages))
}
