// Package timeline draws a dossier's timeline as an inline SVG at build
// time: a date axis, each event as a point (one day) or a bar (a span) on
// its own numbered row, and the sources' publication dates as dashed
// lines.
//
// The axis is linear in time within each cluster of dates; a gap of more
// than [MaxGap] days between two clusters is cut out and drawn as a break
// (≈), so that an event two years earlier does not squeeze the April
// events into one pixel. The SVG scales to its container (viewBox, no
// fixed size) and carries a <title> and a <desc> that lists every event,
// so it is not the only way to read the timeline.
package timeline

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"time"
)

// MaxGap is the largest gap, in days, drawn to scale.
const MaxGap = 21

// An Event is one row of the chart.
type Event struct {
	Label string    // short label drawn beside the mark, e.g. "1"
	Title string    // for the text alternative
	Date  time.Time // first day
	End   time.Time // last day, or zero for a one-day event
}

// A Marker is a date drawn across the chart: a source's publication.
type Marker struct {
	Label string
	Date  time.Time
}

// Geometry of the chart, in viewBox units.
const (
	width   = 480.0
	left    = 16.0
	right   = 16.0
	top     = 32.0
	rowH    = 24.0
	axisH   = 40.0
	breakW  = 24.0
	fontPx  = 16
	smallPx = 14
)

type segment struct {
	from, to time.Time // inclusive days
	x0       float64
}

// SVG returns the chart as SVG markup. title names the chart for screen
// readers; it returns "" when there are no events.
func SVG(title string, events []Event, markers []Marker) string {
	if len(events) == 0 {
		return ""
	}
	var days []time.Time
	for _, e := range events {
		days = append(days, e.Date)
		if !e.End.IsZero() {
			days = append(days, e.End)
		}
	}
	for _, m := range markers {
		days = append(days, m.Date)
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	// Clusters of dates no more than MaxGap days apart.
	var segs []segment
	for _, d := range days {
		if n := len(segs); n > 0 && d.Sub(segs[n-1].to).Hours()/24 <= MaxGap {
			if d.After(segs[n-1].to) {
				segs[n-1].to = d
			}
			continue
		}
		segs = append(segs, segment{from: d, to: d})
	}
	total := 0.0
	for i := range segs {
		segs[i].from = segs[i].from.AddDate(0, 0, -1) // a day of margin
		segs[i].to = segs[i].to.AddDate(0, 0, 2)      // and room for the last day
		total += segs[i].to.Sub(segs[i].from).Hours() / 24
	}
	avail := width - left - right - breakW*float64(len(segs)-1)
	perDay := avail / total
	x := left
	for i := range segs {
		segs[i].x0 = x
		x += segs[i].to.Sub(segs[i].from).Hours()/24*perDay + breakW
	}
	xOf := func(d time.Time) float64 {
		for _, s := range segs {
			if !d.Before(s.from) && d.Before(s.to) {
				return s.x0 + d.Sub(s.from).Hours()/24*perDay
			}
		}
		return left
	}
	height := top + rowH*float64(len(events)) + axisH
	axisY := top + rowH*float64(len(events)) + 6

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="tl-title tl-desc" class="timeline-chart">`, width, height)
	fmt.Fprintf(&b, `<title id="tl-title">%s</title>`, html.EscapeString(title))
	b.WriteString(`<desc id="tl-desc">`)
	for _, e := range events {
		fmt.Fprintf(&b, "%s. %s: %s. ", html.EscapeString(e.Label), html.EscapeString(e.Title), span(e))
	}
	for _, m := range markers {
		fmt.Fprintf(&b, "%s published %s. ", html.EscapeString(m.Label), m.Date.Format("2 January 2006"))
	}
	b.WriteString(`</desc>`)
	// Publication markers: dashed lines across the rows.
	for i, m := range markers {
		mx := xOf(m.Date) + perDay/2
		fmt.Fprintf(&b, `<line class="pub" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#8a6d00" stroke-dasharray="3 3"/>`, mx, top-12, mx, axisY)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="%d" fill="#6b5500" text-anchor="middle">%s</text>`, mx, top-14-float64(i%2)*0, smallPx, html.EscapeString(m.Label))
	}
	// Rows.
	for i, e := range events {
		y := top + rowH*float64(i) + rowH/2
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e4e2dc"/>`, left, y, width-right, y)
		x0 := xOf(e.Date)
		var xEnd float64
		if e.End.IsZero() || !e.End.After(e.Date) {
			cx := x0 + perDay/2
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="6" fill="#1a4f8b"/>`, cx, y)
			xEnd = cx + 6
		} else {
			x1 := xOf(e.End) + perDay
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="12" rx="6" fill="#1a4f8b"/>`, x0, y-6, max(x1-x0, 12))
			xEnd = max(x1, x0+12)
		}
		anchor, lx := "start", xEnd+6
		if lx > width-right-30 {
			anchor, lx = "end", x0-6
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="%d" font-weight="600" fill="#1d1d1f" text-anchor="%s">%s</text>`, lx, y+5, fontPx, anchor, html.EscapeString(e.Label))
	}
	// Axis, breaks and ticks; a tick label is drawn only where it does
	// not run into the previous one, across segments.
	lastX, lastYear := -1e9, 0
	for i, s := range segs {
		x1 := s.x0 + s.to.Sub(s.from).Hours()/24*perDay
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1d1d1f"/>`, s.x0, axisY, x1, axisY)
		if i > 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="%d" fill="#555" text-anchor="middle">≈</text>`, s.x0-breakW/2, axisY+5, fontPx)
		}
		for _, d := range ticks(s) {
			tx := xOf(d) + perDay/2
			label := d.Format("2 Jan")
			if d.Year() != lastYear {
				label = d.Format("2 Jan 2006") // the first label of each year names it
			}
			half := float64(len(label)) * smallPx * 0.3
			anchor, lx := "middle", tx
			if tx-half < 0 {
				anchor, lx = "start", 0 // the first label, at the left edge
			}
			if lx-half*boolf(anchor == "middle") < lastX+8 || lx+half*(1+boolf(anchor == "start")) > width {
				continue
			}
			lastX = lx + half*(1+boolf(anchor == "start"))
			lastYear = d.Year()
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1d1d1f"/>`, tx, axisY, tx, axisY+5)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="%d" fill="#1d1d1f" text-anchor="%s">%s</text>`, lx, axisY+20, smallPx, anchor, label)
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// ticks returns the days of a segment worth a tick: its first event day
// and then Mondays.
func ticks(s segment) []time.Time {
	var out []time.Time
	first := s.from.AddDate(0, 0, 1)
	out = append(out, first)
	for d := first.AddDate(0, 0, 1); d.Before(s.to.AddDate(0, 0, -1)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Monday {
			out = append(out, d)
		}
	}
	return out
}

func span(e Event) string {
	if e.End.IsZero() || !e.End.After(e.Date) {
		return e.Date.Format("2 January 2006")
	}
	return e.Date.Format("2 January") + " to " + e.End.Format("2 January 2006")
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
