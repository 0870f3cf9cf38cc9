package card

import (
	"bytes"
	"image/png"
	"testing"
)

func TestPNG(t *testing.T) {
	d := Data{
		Title:  "China and Russia's defence-industrial expansion: three outlets compared, with a title long enough to wrap onto several lines of the card",
		Claims: 5, Events: 3,
		Sources: []Source{
			{Name: "The Times Hub", Carried: []bool{true, false, true}, Stances: []string{"reports", "", "differs"}},
			{Name: "A very long outlet name that does not fit in the label column", Carried: []bool{false, true, true}, Stances: []string{"", "contradicts", "reports"}},
		},
	}
	a, err := PNG(d)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("card is %v, want %dx%d", b, Width, Height)
	}
	b, _ := PNG(d)
	if !bytes.Equal(a, b) {
		t.Error("two cards of the same data differ")
	}
	if _, err := PNG(Data{Title: ""}); err != nil {
		t.Errorf("empty card: %v", err)
	}
}
