// Package card draws a dossier's social card: the 1200×630 PNG that link
// previews (Open Graph og:image) show when a link to the dossier is pasted
// into a chat or a post. It shows the dossier's title, its sources, and
// the coverage matrix at a glance (one row of squares per source, one
// column per claim, filled where the source carries the claim).
//
// The card is drawn with the Go fonts, which are compiled in, and encoded
// with image/png, so the same input always gives the same bytes.
package card

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Size of a social card, the size Open Graph consumers expect.
const (
	Width  = 1200
	Height = 630
)

// A Source is one row of the card's matrix.
type Source struct {
	Name    string
	Carried []bool // one per claim
	Stances []string
}

// MaxRows is the most sources the card's matrix shows.
const MaxRows = 8

// Data is what the card shows.
type Data struct {
	Title   string
	Claims  int
	Events  int
	Sources []Source // the first MaxRows sources are drawn
	// SourceCount is the number of sources of the dossier, when Sources
	// holds only those drawn.
	SourceCount int
}

var (
	paper   = color.RGBA{0xfd, 0xfd, 0xfb, 0xff}
	ink     = color.RGBA{0x1d, 0x1d, 0x1f, 0xff}
	muted   = color.RGBA{0x55, 0x55, 0x55, 0xff}
	accent  = color.RGBA{0x1a, 0x4f, 0x8b, 0xff}
	reports = color.RGBA{0x1e, 0x6b, 0x3a, 0xff}
	differs = color.RGBA{0xb7, 0x79, 0x1f, 0xff}
	contra  = color.RGBA{0x9b, 0x1c, 0x1c, 0xff}
	none    = color.RGBA{0xe4, 0xe2, 0xdc, 0xff}
)

// PNG draws the card.
func PNG(d Data) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), &image.Uniform{paper}, image.Point{}, draw.Src)
	fill(img, image.Rect(0, 0, Width, 12), accent)

	bold, err := face(gobold.TTF, 52)
	if err != nil {
		return nil, err
	}
	regular, err := face(goregular.TTF, 26)
	if err != nil {
		return nil, err
	}
	small, err := face(goregular.TTF, 22)
	if err != nil {
		return nil, err
	}
	// Title, wrapped to at most three lines.
	y := 100
	lines := wrap(bold, d.Title, Width-120)
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = ellipsize(bold, lines[2]+" …", Width-120)
	}
	for _, l := range lines {
		text(img, bold, ink, 60, y, l)
		y += 64
	}
	y += 4
	text(img, regular, muted, 60, y, fmt.Sprintf("%d sources · %d claims · %d events", max(d.SourceCount, len(d.Sources)), d.Claims, d.Events))

	// The matrix: one row per source (at most MaxRows), one column per claim.
	rows := d.Sources[:min(len(d.Sources), MaxRows)]
	top := y + 40
	avail := Height - 40 - top
	if len(rows) == 0 || avail <= 0 {
		return encode(img)
	}
	rowH := min(avail/len(rows), 44)
	cell := min(rowH-8, 28)
	labelW := 330
	cols := 0
	if len(rows) > 0 {
		cols = len(rows[0].Carried)
	}
	step := 0
	if cols > 0 {
		step = min((Width-60-labelW-60)/cols, cell+6)
	}
	if step < 3 {
		step, cols = 3, (Width-60-labelW-60)/3
	}
	for i, s := range rows {
		ry := top + i*rowH
		text(img, small, ink, 60, ry+cell-6, ellipsize(small, s.Name, labelW-20))
		sz := max(step-4, 2)
		for j := 0; j < cols && j < len(s.Carried); j++ {
			c := none
			if s.Carried[j] {
				c = reports
				switch s.Stances[j] {
				case "differs":
					c = differs
				case "contradicts":
					c = contra
				}
			}
			x := 60 + labelW + j*step
			fill(img, image.Rect(x, ry, x+sz, ry+min(cell, sz*2)), c)
		}
	}
	return encode(img)
}

func encode(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func face(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
}

func text(img *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := &font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks s into lines no wider than w pixels.
func wrap(f font.Face, s string, w int) []string {
	var lines []string
	var cur string
	for _, word := range strings.Fields(s) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if font.MeasureString(f, try).Ceil() > w && cur != "" {
			lines = append(lines, cur)
			cur = word
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// ellipsize shortens s with "…" until it fits in w pixels.
func ellipsize(f font.Face, s string, w int) string {
	r := []rune(s)
	for len(r) > 1 && font.MeasureString(f, string(r)).Ceil() > w {
		r = append(r[:len(r)-2], '…')
	}
	return string(r)
}
