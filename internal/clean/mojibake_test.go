package clean

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// correctText is correctly encoded text in many scripts; repairMojibake
// must leave every line alone.
var correctText = []string{
	"L'été dernier, à Noël, nous étions là-bas — «Ça va?» dit-il.",
	"Größere Änderungen für Bürger: Die Straße ist gesperrt, sagt Jürgen Müller.",
	"Zażółć gęślą jaźń; Łódź i Kraków leżą w Polsce.",
	"Министр иностранных дел России заявил, что переговоры продолжатся.",
	"Η Ελλάδα και η Κύπρος υπέγραψαν συμφωνία για την ενέργεια.",
	"รัฐบาลไทยประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร เธอกล่าวว่าเศรษฐกิจจะฟื้นตัว",
	"ภาษาไทย แม่น้ำเจ้าพระยา กรุงเทพมหานคร โรงเรียน ไก่ เก้า ใหม่ แก้ว โกรธ",
	"中国外交部发言人表示，中方始终坚持和平解决争端。",
	"日本政府は新たな経済対策を発表した。東京都の人口は増えている。",
	"भारत के प्रधानमंत्री ने नई योजना की घोषणा की।",
	"Español: ¿Qué pasó? ¡Año nuevo! Señor Núñez, acción.",
	"Português: São Paulo, informação, ações, não.",
	"Symbols: 25°C ± 2, © 2024, ½ cup, 3×4, µg, naïve café, Æsir, Øresund, ß.",
	"Typography: “quotes”, ‘single’, en–dash, em—dash, ellipsis…, €20, ₹70, ™.",
	"Türkçe: İstanbul'da şiddetli yağmur; Çağrı ve Gökhan.",
	"Tiếng Việt: Hà Nội, Thành phố Hồ Chí Minh.",
	"Čeština: Příliš žluťoučký kůň úpěl ďábelské ódy.",
	"Română: București, Timișoara, și țară.",
	"Íslenska: Þórður og Ásdís fóru í bæinn.",
	"עברית: ירושלים ותל אביב",
	"العربية: القاهرة والرياض",
}

func TestRepairMojibakeLeavesCorrectText(t *testing.T) {
	for _, s := range correctText {
		if got, n := repairMojibake(s); got != s || n != 0 {
			t.Errorf("repairMojibake(%q) = %q, %d; want unchanged", s, got, n)
		}
	}
}

// garble returns the UTF-8 bytes of s read as code page cm, encoded
// again as UTF-8: the mojibake a wrong decoder makes. Bytes cm does not
// define are read as Latin-1, as browsers do.
func garble(s string, cm *charmap.Charmap) string {
	var out []rune
	for _, b := range []byte(s) {
		r := cm.DecodeByte(b)
		if r == '\uFFFD' {
			r = charmap.Windows1252.DecodeByte(b)
			if r == '\uFFFD' {
				r = rune(b)
			}
		}
		out = append(out, r)
	}
	return string(out)
}

func TestRepairMojibakeRoundTrip(t *testing.T) {
	pages := []struct {
		name string
		cm   *charmap.Charmap
	}{
		{"windows-1252", charmap.Windows1252},
		{"latin-1", charmap.ISO8859_1},
		{"windows-874", charmap.Windows874},
	}
	texts := append([]string{
		"India’s MQ-9 drone",
		"a mega ₹70,000 crore order",
		"“Quoted” — and ‘single’…",
		"café résumé naïve",
		"€5 – ™ – ©",
	}, correctText...)
	for _, p := range pages {
		for _, want := range texts {
			bad := garble(want, p.cm)
			if bad == want {
				continue // pure ASCII
			}
			got, n := repairMojibake(bad)
			if got != want {
				t.Errorf("%s: repairMojibake(%q) = %q, want %q", p.name, bad, got, want)
			}
			if n == 0 {
				t.Errorf("%s: repairMojibake(%q) counted no repairs", p.name, bad)
			}
		}
	}
}

func TestRepairMojibakeExamples(t *testing.T) {
	tests := []struct{ in, want string }{
		{"โ‚น70,000", "₹70,000"},
		{"Indiaโ€™s", "India’s"},
		{"Ã©tÃ©", "été"},
		{"itâ€™s", "it’s"},
		{"â€œHelloâ€\u009d", "“Hello”"},
		{"plain ASCII", "plain ASCII"},
		{"Ã", "Ã"},
	}
	for _, tt := range tests {
		if got, _ := repairMojibake(tt.in); got != tt.want {
			t.Errorf("repairMojibake(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// repairMojibakeMap is repairMojibake as it was written first, with maps
// for code pages and a copy of every line: the reference FuzzMojibake
// holds it to.
func repairMojibakeMap(s string) (string, int) {
	pages := []map[rune]byte{westernBytes(), thaiBytes()}
	if isASCII(s) {
		return s, 0
	}
	total := 0
	for pass := 0; pass < 2; pass++ {
		changed := false
		for _, page := range pages {
			var n int
			s, n = repairPageMap(s, page)
			if n > 0 {
				total += n
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return s, total
}

func repairPageMap(s string, page map[rune]byte) (string, int) {
	var b strings.Builder
	repaired := 0
	runStart := -1
	var raw []byte
	flush := func(end int) {
		if runStart < 0 {
			return
		}
		if fixed, n, ok := decodeRun(raw); ok {
			b.WriteString(fixed)
			repaired += n
		} else {
			b.WriteString(s[runStart:end])
		}
		runStart = -1
		raw = raw[:0]
	}
	for i, r := range s {
		if c, ok := page[r]; r >= utf8.RuneSelf && ok {
			if runStart < 0 {
				runStart = i
			}
			raw = append(raw, c)
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	if repaired == 0 {
		return s, 0
	}
	return b.String(), repaired
}

// checkMojibake checks repairMojibake against repairMojibakeMap on s.
func checkMojibake(t *testing.T, s string) {
	t.Helper()
	got, n := repairMojibake(s)
	if want, wantN := repairMojibakeMap(s); got != want || n != wantN {
		t.Errorf("repairMojibake(%q) = %q, %d; the map-based repair gives %q, %d", s, got, n, want, wantN)
	}
}

// TestMojibakeMatchesMap checks repairMojibake against the map-based
// repair on correct text, its garbled forms and their mixtures.
func TestMojibakeMatchesMap(t *testing.T) {
	var inputs []string
	for _, s := range correctText {
		for _, cm := range []*charmap.Charmap{charmap.Windows1252, charmap.ISO8859_1, charmap.Windows874} {
			bad := garble(s, cm)
			inputs = append(inputs, s, bad, garble(bad, cm), s+" "+bad, bad[:len(bad)/2], "x\xff"+bad+"\xe2\x80")
		}
	}
	for _, s := range inputs {
		checkMojibake(t, s)
	}
}

func FuzzMojibake(f *testing.F) {
	for _, s := range correctText {
		f.Add(garble(s, charmap.Windows1252))
		f.Add(garble(s, charmap.Windows874))
	}
	f.Fuzz(checkMojibake)
}
