// Command sidebyside times whole commands against each other, run in
// turn so that each sees the machine as the others do:
//
//	sidebyside -runs 7 'gen=gen build -content D -out O' 'hugo=hugo -s S -d P'
//
// Each argument is NAME=COMMAND, the command split at spaces (no shell:
// prefix env VAR=value to set a variable). Every command runs once
// untimed first, so that each is timed rebuilding its own output; then
// the commands run one after the other, -runs times. It prints, for each,
// the median wall time with the fastest and slowest run, the median CPU
// time (user + system), the median peak resident memory, and the ratio
// of its median wall time to that of the command -ref names (the first
// by default). A command that fails
// stops it, with the command's output.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// A command is one NAME=COMMAND argument and its runs.
type command struct {
	name string
	args []string
	wall []time.Duration
	cpu  []time.Duration
	rss  []int64 // bytes
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("sidebyside", flag.ContinueOnError)
	fl.SetOutput(stderr)
	runs := fl.Int("runs", 5, "timed runs of each command")
	refName := fl.String("ref", "", "the `NAME` of the command the ratios are to (default the first)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	var cmds []*command
	for _, a := range fl.Args() {
		name, line, ok := strings.Cut(a, "=")
		if !ok || name == "" || len(strings.Fields(line)) == 0 {
			fmt.Fprintf(stderr, "sidebyside: %q is not NAME=COMMAND\n", a)
			return 2
		}
		cmds = append(cmds, &command{name: name, args: strings.Fields(line)})
	}
	if len(cmds) == 0 || *runs < 1 {
		fmt.Fprintln(stderr, "usage: sidebyside [-runs N] NAME=COMMAND...")
		return 2
	}
	if *refName != "" && !slices.ContainsFunc(cmds, func(c *command) bool { return c.name == *refName }) {
		fmt.Fprintf(stderr, "sidebyside: -ref %s names no command\n", *refName)
		return 2
	}
	for round := 0; round <= *runs; round++ {
		for _, c := range cmds {
			if err := c.once(round > 0); err != nil {
				fmt.Fprintf(stderr, "sidebyside: %s: %v\n", c.name, err)
				return 1
			}
		}
	}
	ref := cmds[0]
	for _, c := range cmds {
		if c.name == *refName {
			ref = c
		}
	}
	refWall := median(ref.wall)
	fmt.Fprintf(stdout, "%-14s %9s %19s %9s %9s %7s\n", "command", "wall", "(fastest–slowest)", "cpu", "peak RSS", "ratio")
	for _, c := range cmds {
		w := median(c.wall)
		fmt.Fprintf(stdout, "%-14s %9s %19s %9s %6d MiB %6.2f×\n", c.name, ms(w),
			"("+ms(slices.Min(c.wall))+"–"+ms(slices.Max(c.wall))+")", ms(median(c.cpu)), median(c.rss)>>20, float64(w)/float64(refWall))
	}
	return 0
}

// once runs the command, and records the run when timed.
func (c *command) once(timed bool) error {
	cmd := exec.Command(c.args[0], c.args[1:]...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%v\n%s", err, out.Bytes())
	}
	wall := time.Since(start)
	if !timed {
		return nil
	}
	st := cmd.ProcessState
	c.wall = append(c.wall, wall)
	c.cpu = append(c.cpu, st.UserTime()+st.SystemTime())
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		rss := int64(ru.Maxrss)
		if runtime.GOOS != "darwin" {
			rss <<= 10 // KiB, except on macOS
		}
		c.rss = append(c.rss, rss)
	}
	return nil
}

// median returns the median of xs (the lower of the middle two), or
// zero for none.
func median[T int64 | time.Duration](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	return s[(len(s)-1)/2]
}

// ms formats d in milliseconds, with a tenth below 100 ms, or in
// seconds from 10 s.
func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d < 100*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
}
