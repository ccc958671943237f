package timex_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/nlp"
	"dossier/nlp/timex"
	"dossier/nlp/tokenize"
)

// sunday is the date of the test articles: Sunday 8 March 2026 (ISO week 10).
var sunday = time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)

func run(t testing.TB, text string, date time.Time) *nlp.Doc {
	t.Helper()
	p, err := nlp.NewPipeline(tokenize.New(), timex.New())
	if err != nil {
		t.Fatal(err)
	}
	d := nlp.NewDoc(dossier.Article{Text: text, Date: date})
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// found renders the timexes as "text=TYPE:value" joined by "; ".
func found(d *nlp.Doc) string {
	var parts []string
	for _, x := range d.Timex {
		parts = append(parts, fmt.Sprintf("%s=%s:%s", x.Span.Text(d.Text), x.Type, x.Value))
	}
	return strings.Join(parts, "; ")
}

func TestTimex(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		// Weekdays: past tense resolves back, the article's own day included; future forward.
		{"On Saturday, the minister told reporters he had no comment.", "Saturday=DATE:2026-03-07"},
		{"On Friday, the senator accused the agency of delays.", "Friday=DATE:2026-03-06"},
		{"Protesters gathered in the square on Sunday.", "Sunday=DATE:2026-03-08"},
		{"The two leaders will meet on Tuesday in Geneva.", "Tuesday=DATE:2026-03-10"},
		{"The vote is scheduled for Thursday.", "Thursday=DATE:2026-03-12"},
		{"She said last Friday that talks had stalled.", "last Friday=DATE:2026-03-06"},
		{"The board meets next Monday.", "next Monday=DATE:2026-03-09"},
		{"Police arrived Saturday morning after the blast.", "Saturday morning=TIME:2026-03-07TMO"},
		{"The strike began Friday night, officials said.", "Friday night=TIME:2026-03-06TNI"},
		// Deictic days.
		{"Shares fell yesterday and rose today.", "yesterday=DATE:2026-03-07; today=DATE:2026-03-08"},
		{"The court rules tomorrow.", "tomorrow=DATE:2026-03-09"},
		{"The president speaks tonight.", "tonight=TIME:2026-03-08TNI"},
		{"Fighting resumed last night.", "last night=TIME:2026-03-07TNI"},
		// Weeks, weekends, months, years.
		{"Prices rose last week.", "last week=DATE:2026-W09"},
		{"The bill reaches the floor next week.", "next week=DATE:2026-W11"},
		{"The envoy arrived earlier this week.", "earlier this week=DATE:2026-W10"},
		{"Talks resume later this week.", "later this week=DATE:2026-W10"},
		{"Reports followed last weekend's escalation.", "last weekend=DATE:2026-W09-WE"},
		{"Crowds are expected this weekend.", "this weekend=DATE:2026-W10-WE"},
		{"Exports slumped last month.", "last month=DATE:2026-02"},
		{"The law takes effect next month.", "next month=DATE:2026-04"},
		{"Sales rose 4% last year.", "last year=DATE:2025"},
		{"The company was founded earlier this year.", "earlier this year=DATE:2026"},
		{"Rates were cut earlier this month.", "earlier this month=DATE:2026-03"},
		// Calendar dates.
		{"The accord was signed March 8, 2026, in Doha.", "March 8, 2026=DATE:2026-03-08"},
		{"The hearing was held on Feb. 27.", "Feb. 27=DATE:2026-02-27"},
		{"He was born on 8 March 1970.", "8 March 1970=DATE:1970-03-08"},
		{"The filing is dated 2025-11-30.", "2025-11-30=DATE:2025-11-30"},
		{"The notice was posted 03/06/2026.", "03/06/2026=DATE:2026-03-06"},
		{"Elections were held in November.", "November=DATE:2025-11"},
		{"The summit will take place in June.", "June=DATE:2026-06"},
		{"She moved there in 1998.", "1998=DATE:1998"},
		{"Output peaked in the 1990s.", "the 1990s=DATE:199"},
		{"Growth slowed in mid-2024.", "mid-2024=DATE:2024"},
		{"Profit jumped in the third quarter.", "the third quarter=DATE:2025-Q3"},
		{"Revenue in Q4 2025 beat forecasts.", "Q4 2025=DATE:2025-Q4"},
		{"The plan covers fiscal 2027.", "fiscal 2027=DATE:2027"},
		{"Construction starts this spring.", "this spring=DATE:2026-SP"},
		// Clock times.
		{"Polls close at 8 p.m. on the coast.", "8 p.m.=TIME:2026-03-08T20:00"},
		{"The market opened at 10:30 a.m. ET.", "10:30 a.m. ET=TIME:2026-03-08T10:30"},
		// Durations, sets, ago.
		{"The talks lasted for three weeks.", "three weeks=DURATION:P3W"},
		{"Negotiators worked for 48 hours.", "48 hours=DURATION:PT48H"},
		{"Inflation stayed high for two years.", "two years=DURATION:P2Y"},
		{"The war has gone on for a decade.", "a decade=DURATION:P10Y"},
		{"The shortage could last several months.", "several months=DURATION:PXM"},
		{"Prices fell over the past week.", "the past week=DURATION:P1W"},
		{"Inspectors visit every week.", "every week=SET:P1W"},
		{"The paper is published daily.", "daily=SET:P1D"},
		{"The fee is reviewed annually.", "annually=SET:P1Y"},
		{"The ship sank two days ago.", "two days ago=DATE:2026-03-06"},
		{"The mine closed three years ago.", "three years ago=DATE:2023"},
		// Vague references.
		{"Prices are now falling.", "now=DATE:PRESENT_REF"},
		{"The agency recently changed its rules.", "recently=DATE:PAST_REF"},
		{"Rules may change in the future.", "the future=DATE:FUTURE_REF"},
		// Not time expressions.
		{"Officials may reject the offer.", ""},
		{"Thousands march in the capital.", ""},
		{"The Sun reported the story.", ""},
		{"Police counted 1,998 people.", ""},
		{"The firm hired 2000 workers.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := found(run(t, tt.give, sunday)); got != tt.want {
				t.Errorf("Timex(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestTimexNoDate(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		{"The vote was held on Aug. 28.", "Aug. 28=DATE:XXXX-08-28"},
		{"On Saturday, the minister resigned.", "Saturday=DATE:XXXX-WXX-6"},
		{"Sales rose last week.", "last week=DATE:XXXX-WXX"},
		{"Talks are now under way.", "now=DATE:PRESENT_REF"},
		{"The accord was signed March 8, 2026.", "March 8, 2026=DATE:2026-03-08"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := found(run(t, tt.give, time.Time{})); got != tt.want {
				t.Errorf("Timex(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

// TestTimexAnchored checks expressions anchored to a period just named.
func TestTimexAnchored(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		{
			give: "Profit rose in the fourth quarter from a year earlier.",
			want: "the fourth quarter=DATE:2025-Q4; a year earlier=DATE:2024-Q4",
		},
		{
			give: "Net income rose in the third quarter from the year-earlier quarter.",
			want: "the third quarter=DATE:2025-Q3; the year-earlier quarter=DATE:2024-Q3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := found(run(t, tt.give, sunday)); got != tt.want {
				t.Errorf("Timex(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func FuzzTimex(f *testing.F) {
	for _, s := range []string{
		"On Saturday, Trump told reporters he had no comment.",
		"The talks lasted for three weeks, ending March 8, 2026 at 10:30 a.m. ET.",
		"Profit in the year-earlier third quarter and in Q4 2025, mid-2024, the '90s.",
		"every week; daily; 03/06/2026; 2025-11-30; 1,998; fiscal 2027; last weekend's",
		"’90s—Mar. 8th of March 2026 twenty-four hours ago",
	} {
		f.Add(s, true)
	}
	c := timex.New()
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		var date time.Time
		if dated {
			date = sunday
		}
		d := nlp.NewDoc(dossier.Article{Text: text, Date: date})
		if err := tokenize.New().Process(context.Background(), d); err != nil {
			t.Fatalf("tokenize(%q) error = %v", text, err)
		}
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatalf("Process(%q) error = %v", text, err)
		}
		prev := 0
		for _, x := range d.Timex {
			if !x.Span.Valid(len(text)) || x.Span.Empty() {
				t.Fatalf("Timex(%q) span %v invalid for %d bytes", text, x.Span, len(text))
			}
			if x.Span.Start < prev {
				t.Fatalf("Timex(%q) spans overlap or are unsorted at %v", text, x.Span)
			}
			prev = x.Span.End
			if x.Value == "" || x.Type == "" {
				t.Fatalf("Timex(%q) = %+v, want a type and a value", text, x)
			}
		}
	})
}

func BenchmarkTimex(b *testing.B) {
	para := "On Saturday, the minister told reporters aboard the plane that he had seen no evidence " +
		"of the deal, which officials said was signed March 8, 2026 after talks that lasted for three weeks. " +
		"Shares of the company rose 4% last week and were up 12% in the third quarter from a year earlier, " +
		"while analysts said the board will meet on Tuesday at 10:30 a.m. ET to review the plan. "
	text := strings.Repeat(para, 50)
	d := nlp.NewDoc(dossier.Article{Text: text, Date: sunday})
	if err := tokenize.New().Process(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	c := timex.New()
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	words := len(strings.Fields(text))
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
