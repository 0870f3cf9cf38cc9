package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-runs", "3", "-ref", "b", "a=true", "b=env X=1 true"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "a ") || !strings.HasPrefix(lines[2], "b ") || !strings.HasSuffix(lines[2], "1.00×") {
		t.Errorf("output:\n%s", out.String())
	}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"nameless"}, 2, "not NAME=COMMAND"},
		{[]string{"a="}, 2, "not NAME=COMMAND"},
		{[]string{}, 2, "usage"},
		{[]string{"-ref", "c", "a=true"}, 2, "names no command"},
		{[]string{"a=false"}, 1, "a: exit status 1"},
	} {
		errs.Reset()
		if code := run(tt.args, &out, &errs); code != tt.code || !strings.Contains(errs.String(), tt.msg) {
			t.Errorf("run(%q) = %d, %q; want %d, %q", tt.args, code, errs.String(), tt.code, tt.msg)
		}
	}
}

func TestMedian(t *testing.T) {
	if m := median([]time.Duration{5, 1, 3}); m != 3 {
		t.Errorf("median of 5, 1, 3 = %d", m)
	}
	if m := median([]int64{4, 1, 3, 2}); m != 2 {
		t.Errorf("median of 4, 1, 3, 2 = %d, want the lower middle, 2", m)
	}
	if m := median[int64](nil); m != 0 {
		t.Errorf("median of none = %d", m)
	}
}
