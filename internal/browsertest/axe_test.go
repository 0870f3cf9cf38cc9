package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeRunJS runs axe-core's default rules on the page and returns the
// violations as JSON.
const axeRunJS = `axe.run(document, {resultTypes: ['violations']}).then((r) => JSON.stringify(r.violations.map((v) => ({
	id: v.id, impact: v.impact || '', help: v.help,
	nodes: v.nodes.map((n) => ({target: n.target.map(String).join(' '), summary: n.failureSummary || ''})),
}))))`

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// TestAxe runs axe-core in every page at each width and expects no
// violation of its default rules: landmarks, headings, names, table
// headers, text alternatives, colour contrast and the rest.
func TestAxe(t *testing.T) {
	setup(t)
	src, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		requireTool(t, "axe-core is not installed (run npm ci at the repository root): %v", err)
	}
	for _, w := range widths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx, _ := newTab(t, httpBase, w)
			for _, p := range pages {
				load(t, ctx, httpBase+p)
				if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
					t.Fatalf("%s: injecting axe-core: %v", p, err)
				}
				out, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRunJS, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s: running axe-core: %v", p, err)
				}
				var vs []axeViolation
				if err := json.Unmarshal([]byte(out), &vs); err != nil {
					t.Fatalf("%s: reading axe-core's result: %v", p, err)
				}
				for _, v := range vs {
					for _, n := range v.Nodes {
						t.Errorf("%s at %dpx: %s (%s, %s): %s\n\t%s", p, w, v.ID, v.Impact, v.Help, n.Target, n.Summary)
					}
				}
			}
		})
	}
}
