package quote_test

import (
	"fmt"

	"github.com/gen-dossier/gen/internal/quote"
)

func ExampleNormalize() {
	fmt.Println(quote.Normalize("  “Russia’s  imports” —\n2022–2024 "))
	// Output: "Russia's imports" - 2022-2024
}

func ExampleFind() {
	text := "Scholz said he was “traveling to Beijing\nthis weekend”."
	m, ok := quote.Find(text, `"traveling to Beijing this weekend"`)
	fmt.Println(ok, m.Count)
	fmt.Printf("%q\n", text[m.Start:m.End])

	_, ok = quote.Find(text, "Traveling to Beijing")
	fmt.Println(ok)
	// Output:
	// true 1
	// "“traveling to Beijing\nthis weekend”"
	// false
}

func ExampleClosest() {
	text := "According to customs data, 90% of Russian microelectronics imports came from China last year."
	n := quote.Closest(text, "90% of Russian microelectronic imports came from China")
	fmt.Printf("closest passage (%d%% similar): %q\n", int(n.Similarity*100), n.Passage)
	// Output: closest passage (98% similar): "90% of Russian microelectronics imports came from China"
}
