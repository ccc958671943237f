package numex

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier"
	"dossier/nlp"
)

// testTokens is a small tokenizer for tests, so that they depend on no other
// component. With glue it keeps "1,000" and "12.67" as one Number token and
// "U.S." as one Word, as the project's tokenizer does; without it, it splits
// at every "." and "," and runs letters and digits together ("13bn"), as the
// provisional tokenizer did. The component must give the same figures for
// both.
func testTokens(text string, glue bool) []nlp.Token {
	var toks []nlp.Token
	space := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = true
			i += size
			continue
		}
		start := i
		var kind nlp.TokenKind
		switch {
		case unicode.IsDigit(r):
			kind = nlp.Number
			i += size
			for i < len(text) {
				c := text[i]
				switch {
				case isDigit(c):
					i++
				case glue && (c == ',' || c == '.') && i+1 < len(text) && isDigit(text[i+1]):
					i++
				case !glue && isLetter(c):
					i++
				default:
					goto done
				}
			}
		case unicode.IsLetter(r):
			kind = nlp.Word
			i += size
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				switch {
				case unicode.IsLetter(r2) || (!glue && unicode.IsDigit(r2)):
					i += s2
				case glue && (r2 == '.' || r2 == '-') && i+1 < len(text) && isLetter(text[i+1]):
					i += s2
				case glue && r2 == '.' && strings.Contains(text[start:i], "."):
					i += s2
					goto done
				default:
					goto done
				}
			}
		case strings.ContainsRune("\"“”'‘’", r):
			kind = nlp.Quote
			i += size
		case unicode.IsPunct(r) && r != '%' && r != '&':
			kind = nlp.Punct
			i += size
		default:
			kind = nlp.Symbol
			i += size
		}
	done:
		tk := nlp.Token{Start: int32(start), End: int32(i), Kind: kind}
		if space {
			tk.Flags |= nlp.SpaceBefore
		}
		if unicode.IsUpper(r) {
			tk.Flags |= nlp.Upper
		}
		toks = append(toks, tk)
		space = false
	}
	return toks
}

// describe renders a figure compactly for comparison in tests.
func describe(text string, f dossier.Figure) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q", f.Kind, f.Span.Text(text))
	num := func(name string, v *float64) {
		if v != nil {
			b.WriteString(" " + name + "=" + strconv.FormatFloat(roundSig(*v), 'f', -1, 64))
		}
	}
	num("value", f.Value)
	if f.Unit != "" {
		b.WriteString(" unit=" + f.Unit)
	}
	if f.Instrument != "" {
		fmt.Fprintf(&b, " inst=%q", f.Instrument)
	}
	if f.Direction != "" {
		b.WriteString(" dir=" + string(f.Direction))
	}
	num("pct", f.ChangePct)
	num("pts", f.ChangePts)
	num("level", f.Level)
	return b.String()
}

// roundSig rounds to 9 significant digits, hiding float noise.
func roundSig(v float64) float64 {
	s := strconv.FormatFloat(v, 'g', 9, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

func figuresOf(text string, glue bool) []string {
	d := nlp.NewDoc(dossier.Article{Text: text})
	d.Tokens = testTokens(text, glue)
	if err := New().Process(context.Background(), d); err != nil {
		return []string{"error: " + err.Error()}
	}
	out := make([]string, 0, len(d.Figures))
	for _, f := range d.Figures {
		out = append(out, describe(text, f))
	}
	return out
}

func TestFigures(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{
			name: "move with level in dollars",
			give: "The conflict was expanding and WTI crude futures jumped 12.67% to $91.27.",
			want: []string{`move "WTI crude futures jumped 12.67% to $91.27" unit=USD inst="WTI crude futures" dir=up pct=12.67 level=91.27`},
		},
		{
			name: "index points with percent aside",
			give: "The Dow Jones Industrial Average fell 120 points, or 0.3%, to 38,512.4 on Tuesday.",
			want: []string{`move "Dow Jones Industrial Average fell 120 points, or 0.3%, to 38,512.4" inst="Dow Jones Industrial Average" dir=down pct=0.3 pts=120 level=38512.4`},
		},
		{
			name: "closed down at",
			give: "In London, the FTSE 100 closed down 1.2% at 7,500.",
			want: []string{`move "FTSE 100 closed down 1.2% at 7,500" inst="FTSE 100" dir=down pct=1.2 level=7500`},
		},
		{
			name: "closed higher after the change",
			give: "Gold settled 1.5% higher at $2,310 an ounce.",
			want: []string{`move "Gold settled 1.5% higher at $2,310" unit=USD inst="Gold" dir=up pct=1.5 level=2310`},
		},
		{
			name: "bond price and yield",
			give: "The benchmark 10-year note rose 7/32 in price to yield 1.786%.",
			want: []string{`move "benchmark 10-year note rose 7/32 in price to yield 1.786%" unit=percent inst="benchmark 10-year note" pts=0.21875 level=1.786`},
		},
		{
			name: "currency against another",
			give: "The dollar rose 0.5% against the yen.",
			want: []string{`move "dollar rose 0.5%" inst="dollar" dir=up pct=0.5`},
		},
		{
			name: "generic subject has no instrument",
			give: "The stock rose 3% after the results.",
			want: []string{`move "stock rose 3%" dir=up pct=3`},
		},
		{
			name: "shares of a company",
			give: "Shares of Northwind tumbled 8.4% to $12.10 in early trading.",
			want: []string{`move "Shares of Northwind tumbled 8.4% to $12.10" unit=USD inst="Northwind" dir=down pct=8.4 level=12.1`},
		},
		{
			name: "shares in a place",
			give: "Contoso shares in Moscow slipped 2%.",
			want: []string{`move "Contoso shares in Moscow slipped 2%" inst="Contoso shares" dir=down pct=2`},
		},
		{
			name: "ticker in parentheses",
			give: "Fabrikam Inc (FBK.N) edged up 0.4% to $51.",
			want: []string{`move "Fabrikam Inc (FBK.N) edged up 0.4% to $51" unit=USD inst="Fabrikam Inc" dir=up pct=0.4 level=51`},
		},
		{
			name: "flat",
			give: "The central bank's main rate was unchanged at 5.25%.",
			want: []string{`move "central bank's main rate was unchanged at 5.25%" unit=percent inst="central bank's main rate" dir=flat level=5.25`},
		},
		{
			name: "yield in basis points",
			give: "The 10-year yield fell 5 basis points to 4.1%.",
			want: []string{`move "10-year yield fell 5 basis points to 4.1%" unit=percent inst="10-year yield" dir=down pts=0.05 level=4.1`},
		},
		{
			name: "by and approximator",
			give: "Brent crude rose by nearly 2% to $85.30 a barrel.",
			want: []string{`move "Brent crude rose by nearly 2% to $85.30" unit=USD inst="Brent crude" dir=up pct=2 level=85.3`},
		},
		{
			name: "money change",
			give: "US light crude rose $1.64 to $47.10.",
			want: []string{`move "US light crude rose $1.64 to $47.10" unit=USD inst="US light crude" dir=up pts=1.64 level=47.1`},
		},
		{
			name: "level only",
			give: "The jobless rate fell to 4.1% in March.",
			want: []string{`move "jobless rate fell to 4.1%" unit=percent inst="jobless rate" dir=down level=4.1`},
		},
		{
			name: "fraction in words",
			give: "Profits fell by a third.",
			want: []string{`move "Profits fell by a third" inst="Profits" dir=down pct=33.3333333`},
		},
		{
			name: "down without a verb",
			give: "Tokyo's Nikkei was down 1.1% in afternoon trade.",
			want: []string{`move "Tokyo's Nikkei was down 1.1%" inst="Tokyo's Nikkei" dir=down pct=1.1`},
		},
		{
			name: "loss is not a move",
			give: "The airline lost $5 billion last year.",
			want: []string{`money "$5 billion" value=5000000000 unit=USD`},
		},
		{
			name: "counts of people are not moves",
			give: "The number of people out of work rose 32,000 to 1.4 million.",
			want: nil,
		},
		{
			name: "noun use of a movement word",
			give: "The group reported a sharp drop in profits to £170m.",
			want: []string{`money "£170m" value=170000000 unit=GBP`},
		},
		{
			name: "up to is not a move",
			give: "The fund could raise up to $5 billion.",
			want: []string{`money "$5 billion" value=5000000000 unit=USD`},
		},
		{
			name: "money forms",
			give: "It paid $600 million, US$5, C$12, A$3.5bn, HK$8, €20bn, £3.5 billion, ¥500 and ₹90 crore.",
			want: []string{
				`money "$600 million" value=600000000 unit=USD`,
				`money "US$5" value=5 unit=USD`,
				`money "C$12" value=12 unit=CAD`,
				`money "A$3.5bn" value=3500000000 unit=AUD`,
				`money "HK$8" value=8 unit=HKD`,
				`money "€20bn" value=20000000000 unit=EUR`,
				`money "£3.5 billion" value=3500000000 unit=GBP`,
				`money "¥500" value=500 unit=JPY`,
				`money "₹90 crore" value=900000000 unit=INR`,
			},
		},
		{
			name: "currency words",
			give: "Deals worth 5 million euros, 20 billion yuan, 1.2 trillion dollars, 40 million Canadian dollars and Rs 500 crore.",
			want: []string{
				`money "5 million euros" value=5000000 unit=EUR`,
				`money "20 billion yuan" value=20000000000 unit=CNY`,
				`money "1.2 trillion dollars" value=1200000000000 unit=USD`,
				`money "40 million Canadian dollars" value=40000000 unit=CAD`,
				`money "Rs 500 crore" value=5000000000 unit=INR`,
			},
		},
		{
			name: "abbreviated scales and minor units",
			give: "A $5m grant, a $3.4b bond, a $250k bonus, 50 cents a share and a 20p rise.",
			want: []string{
				`money "$5m" value=5000000 unit=USD`,
				`money "$3.4b" value=3400000000 unit=USD`,
				`money "$250k" value=250000 unit=USD`,
				`money "50 cents" value=0.5 unit=USD`,
				`money "20p" value=0.2 unit=GBP`,
			},
		},
		{
			name: "codes before and after",
			give: "The bid values it at EUR 2.4bn, or 2.6bn USD.",
			want: []string{
				`money "EUR 2.4bn" value=2400000000 unit=EUR`,
				`money "2.6bn USD" value=2600000000 unit=USD`,
			},
		},
		{
			name: "ranges",
			give: "Analysts expect $10-15 million, a price of $10-$15, and growth of 5 to 6 percent.",
			want: []string{
				`money "$10" value=10000000 unit=USD`,
				`money "15 million" value=15000000 unit=USD`,
				`money "$10" value=10 unit=USD`,
				`money "$15" value=15 unit=USD`,
				`percent "5" value=5 unit=percent`,
				`percent "6 percent" value=6 unit=percent`,
			},
		},
		{
			name: "percent forms",
			give: "Inflation hit 3 percent, growth was 2.5 per cent, margins of 12.67% and -0.4% returns.",
			want: []string{
				`percent "3 percent" value=3 unit=percent`,
				`percent "2.5 per cent" value=2.5 unit=percent`,
				`percent "12.67%" value=12.67 unit=percent`,
				`percent "-0.4%" value=-0.4 unit=percent`,
			},
		},
		{
			name: "percentage points in words",
			give: "The Fed cut its rate by half a percentage point, after a quarter of a percentage point in May and 25 basis points before.",
			want: []string{
				`percent "half a percentage point" value=0.5 unit=percentage points`,
				`percent "a quarter of a percentage point" value=0.25 unit=percentage points`,
				`percent "25 basis points" value=25 unit=basis points`,
			},
		},
		{
			name: "quantities",
			give: "Output rose by 500,000 barrels a day; the mine makes 2 million tonnes a year and the plant 1,200 megawatts.",
			want: []string{
				`move "Output rose by 500,000 barrels a day" unit=barrels a day inst="Output" dir=up pts=500000`,
				`quantity "2 million tonnes a year" value=2000000 unit=tonnes a year`,
				`quantity "1,200 megawatts" value=1200 unit=megawatts`,
			},
		},
		{
			name: "bpd",
			give: "The cartel pumps about 28 million bpd.",
			want: []string{`quantity "28 million bpd" value=28000000 unit=barrels a day`},
		},
		{
			name: "not figures",
			give: "At least 40 people died as temperatures reached 30 degrees; the 1,500 workers won 2 seats in 2024 and he weighed 200 pounds.",
			want: nil,
		},
		{
			name: "share of voters",
			give: "The poll found 52% of likely voters back him, while 3% of GDP goes to defence.",
			want: []string{`percent "3%" value=3 unit=percent`},
		},
		{
			name: "pounds of weight",
			give: "They bought 5 pounds of sugar for 5 pounds.",
			want: []string{`money "5 pounds" value=5 unit=GBP`},
		},
		{
			name: "number words",
			give: "Prices rose three percent while two billion dollars left and four sources spoke.",
			want: []string{
				`move "Prices rose three percent" dir=up pct=3`,
				`money "two billion dollars" value=2000000000 unit=USD`,
			},
		},
		{
			name: "trailing percent after level",
			give: "Apple's shares climbed to $191.20, up 3.1%, on Friday.",
			want: []string{`move "Apple's shares climbed to $191.20, up 3.1%" unit=USD inst="Apple" dir=up pct=3.1 level=191.2`},
		},
		{
			name: "price of a commodity",
			give: "The price of gold hit $2,000.",
			want: []string{`money "$2,000" value=2000 unit=USD`},
		},
		{
			name: "price of a commodity rising",
			give: "The price of gold jumped 2% to $2,000.",
			want: []string{`move "price of gold jumped 2% to $2,000" unit=USD inst="price of gold" dir=up pct=2 level=2000`},
		},
		{
			name: "empty",
			give: "",
			want: nil,
		},
	}
	for _, tt := range tests {
		for _, glue := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/glue=%v", tt.name, glue), func(t *testing.T) {
				got := figuresOf(tt.give, glue)
				if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
					t.Errorf("Figures(%q) =\n  %s\nwant\n  %s", tt.give,
						strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
				}
			})
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		give      string
		wantValue float64
		wantKind  unitKind
		wantUnit  string
		wantEnd   int
	}{
		{give: "1,000", wantValue: 1000, wantKind: ukNone, wantEnd: 5},
		{give: "1.5 million", wantValue: 1.5e6, wantKind: ukNone, wantEnd: 11},
		{give: "$1.13bn", wantValue: 1.13e9, wantKind: ukMoney, wantUnit: "USD", wantEnd: 7},
		{give: "$1.13 bn.", wantValue: 1.13e9, wantKind: ukMoney, wantUnit: "USD", wantEnd: 8},
		{give: "12.67%", wantValue: 12.67, wantKind: ukPercent, wantEnd: 6},
		{give: "−3.2%", wantValue: -3.2, wantKind: ukPercent, wantEnd: 7},
		{give: "7/32", wantValue: 0.21875, wantKind: ukNone, wantEnd: 4},
		{give: "3/8/2026", wantValue: 0, wantKind: ukNone, wantEnd: 8},
		{give: "3rd", wantValue: 3, wantKind: ukNone, wantEnd: 3},
		{give: "a third", wantValue: 1.0 / 3, wantKind: ukNone, wantEnd: 7},
		{give: "twenty-five percent", wantValue: 25, wantKind: ukPercent, wantEnd: 19},
		{give: "two-thirds", wantValue: 2.0 / 3, wantKind: ukNone, wantEnd: 10},
		{give: "500 crore rupees", wantValue: 5e9, wantKind: ukMoney, wantUnit: "INR", wantEnd: 16},
		{give: "5 billion won", wantValue: 5e9, wantKind: ukMoney, wantUnit: "KRW", wantEnd: 13},
		{give: "5 won", wantValue: 5, wantKind: ukNone, wantEnd: 1},
		{give: "10 million barrels per day", wantValue: 1e7, wantKind: ukQuantity, wantUnit: "barrels a day", wantEnd: 26},
		{give: "12 bcm", wantValue: 1.2e10, wantKind: ukQuantity, wantUnit: "cubic metres", wantEnd: 6},
		{give: "$5-billion", wantValue: 5e9, wantKind: ukMoney, wantUnit: "USD", wantEnd: 10},
		{give: "0.25 percentage point", wantValue: 0.25, wantKind: ukPP, wantEnd: 21},
	}
	tab := sharedTables()
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			a, ok := tab.parseAmount(tt.give, 0)
			if !ok {
				t.Fatalf("parseAmount(%q) found nothing, want %v", tt.give, tt.wantValue)
			}
			if math.Abs(a.value-tt.wantValue) > 1e-9*math.Max(1, math.Abs(tt.wantValue)) ||
				a.kind != tt.wantKind || a.unit != tt.wantUnit || a.end != tt.wantEnd {
				t.Errorf("parseAmount(%q) = %v %v %q end %d, want %v %v %q end %d", tt.give,
					a.value, a.kind, a.unit, a.end, tt.wantValue, tt.wantKind, tt.wantUnit, tt.wantEnd)
			}
		})
	}
}

func TestComponent(t *testing.T) {
	c := New()
	if c.Name() != "numex.rules.v1" {
		t.Errorf("Name() = %q, want %q", c.Name(), "numex.rules.v1")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Process(ctx, nlp.NewDoc(dossier.Article{Text: "up 3%"})); err == nil {
		t.Errorf("Process(cancelled) = nil, want an error")
	}
}

// checkFigures asserts the span invariants and finite numbers.
func checkFigures(t *testing.T, text string, figs []dossier.Figure) {
	t.Helper()
	prev := 0
	for _, f := range figs {
		if !f.Span.Valid(len(text)) || f.Span.Empty() {
			t.Fatalf("Figures(%q): span %v invalid for %d bytes", text, f.Span, len(text))
		}
		if f.Span.Start < prev {
			t.Fatalf("Figures(%q): span %v starts before the previous end %d", text, f.Span, prev)
		}
		prev = f.Span.End
		for _, v := range []*float64{f.Value, f.ChangePct, f.ChangePts, f.Level} {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				t.Fatalf("Figures(%q): %s has a non-finite number", text, describe(text, f))
			}
		}
	}
}

func FuzzNumex(f *testing.F) {
	for _, s := range []string{
		"WTI crude futures jumped 12.67% to $91.27.",
		"Santiago 4,120 pesos; Chilean 5 pesos Sri Lanka 3 rupees", "Sri Lanka", "Canadian dollars",
		"The FTSE 100 closed down 1.2% at 7,500.",
		"rose 7/32 in price to yield 1.786%",
		"$10-15 million, 5 to 6 percent, US$5, Rs. 500 crore",
		"half a percentage point; a third; 3/8/2026; -$5m; 1e400",
		"Shares of X (X.N) fell by a quarter, or 25%, to €3",
		"999999999999999999999999999999999999999999999999999999999999 trillion dollars",
	} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, text string) {
		for _, glue := range []bool{true, false} {
			toks := testTokens(text, glue)
			checkFigures(t, text, c.Figures(text, toks, nil))
			sents := []nlp.Range{{First: 0, Last: len(toks) / 2}, {First: len(toks) / 2, Last: len(toks)}}
			checkFigures(t, text, c.Figures(text, toks, sents))
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"$1.13bn", "1,000,000", "12.67%", "7/32", "a quarter of a percentage point",
		"US$ 5", "−4", "5-billion", "1.2.3", "Rs.500", "twenty-five", "3/0"} {
		f.Add(s, 0)
	}
	tab := sharedTables()
	f.Fuzz(func(t *testing.T, text string, p int) {
		if p < 0 || p > len(text) {
			p = 0
		}
		a, ok := tab.parseAmount(text, p)
		if !ok {
			return
		}
		if a.start != p || a.end < a.start || a.end > len(text) {
			t.Fatalf("parseAmount(%q, %d) span [%d,%d) invalid", text, p, a.start, a.end)
		}
		if math.IsNaN(a.value) || math.IsInf(a.value, 0) {
			t.Fatalf("parseAmount(%q, %d) = %v, want a finite number", text, p, a.value)
		}
	})
}

// benchText is a few KB of financial news written for the benchmark.
const benchText = `Stocks fell on Wednesday as investors weighed fresh inflation data. The Dow Jones
Industrial Average fell 312.4 points, or 0.8%, to 38,120.6, while the S&P 500 lost 1.1% to
5,102.3 and the Nasdaq Composite slid 1.6%. In London the FTSE 100 closed down 0.4% at 7,912.
Brent crude rose $1.20 to $84.55 a barrel and WTI crude futures jumped 2.3% to $80.10. Gold
settled 0.6% higher at $2,344 an ounce. The benchmark 10-year Treasury note fell 9/32 in price to
yield 4.412%. The dollar rose 0.5% against the yen to 151.8 yen, and the euro was unchanged at
$1.0842. Shares of Northwind Traders tumbled 14% after the retailer cut its outlook, saying
annual revenue would be $4.2bn to $4.4bn, down from a forecast of $4.6 billion. The company said
it would cut 1,200 jobs and take a charge of about 85 million euros. Analysts at a Frankfurt
bank said the group had lost a third of its value this year. Contoso, which makes chips, said
quarterly profit rose 21% to 3.1 billion yuan, while sales climbed 12 percent. The central bank
held its main rate steady at 5.25% and said inflation eased to 3.2 per cent in March from 3.4
per cent in February. Economists expect a quarter of a percentage point cut in June. Exports
of crude reached 1.2 million barrels a day and the mine produced 2.4 million tonnes of copper.
The government will spend Rs 500 crore on roads and £3.5 billion on schools, and 52% of voters
backed the plan in a poll of 1,000 people. Fabrikam (FBK.O) edged up 0.3% to $212.40 in late
trading; the stock has gained 40% since January.
`

func BenchmarkNumex(b *testing.B) {
	text := strings.Repeat(benchText, 4)
	toks := testTokens(text, true)
	c := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Figures(text, toks, nil)
	}
	words := len(strings.Fields(text))
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
