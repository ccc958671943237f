package plaintext

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestRead(t *testing.T) {
	const lead = "The city council voted 7-2 on Tuesday to raise bus fares by 25 cents.\n\n\"It was not an easy choice,\" Mayor Lena Ortiz said.\n"
	tests := []struct {
		name string
		give string
		want dossier.Article
	}{
		{
			name: "headline and blank line",
			give: "Council Raises Bus Fares\n\n" + lead,
			want: dossier.Article{Title: "Council Raises Bus Fares", Text: lead},
		},
		{
			name: "headline then header lines",
			give: "Council Raises Bus Fares\n\ndate: 2026-03-08\nsource: City Wire\n\n" + lead,
			want: dossier.Article{Title: "Council Raises Bus Fares", Date: time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC), Source: "City Wire", Text: lead},
		},
		{
			name: "headline ending with a question mark",
			give: "Will Fares Rise Again?\n\n" + lead,
			want: dossier.Article{Title: "Will Fares Rise Again?", Text: lead},
		},
		{
			name: "headline ending with a quotation",
			give: "Mayor on Fares: \"Not an Easy Choice\"\n\n" + lead,
			want: dossier.Article{Title: "Mayor on Fares: \"Not an Easy Choice\"", Text: lead},
		},
		{
			name: "headline trailing off",
			give: "Rivals of the New Phone...\n\n" + lead,
			want: dossier.Article{Title: "Rivals of the New Phone...", Text: lead},
		},
		{
			name: "first line is a lead paragraph",
			give: lead,
			want: dossier.Article{Text: lead},
		},
		{
			name: "first line ends with a period inside quotes",
			give: "\"We are ready.\"\n\nThe team left.",
			want: dossier.Article{Text: "\"We are ready.\"\n\nThe team left."},
		},
		{
			name: "headline without a blank line stays in the body",
			give: "Council Raises Bus Fares\n" + lead,
			want: dossier.Article{Text: "Council Raises Bus Fares\n" + lead},
		},
		{
			name: "only a short line",
			give: "Council Raises Bus Fares\n\n",
			want: dossier.Article{Text: "Council Raises Bus Fares\n\n"},
		},
		{
			name: "date prefix on the first line",
			give: " date 2026-03-08 The council voted on Tuesday.\n\nMore text.\n",
			want: dossier.Article{Date: date(2026, 3, 8), Text: "The council voted on Tuesday.\n\nMore text.\n"},
		},
		{
			name: "date prefix alone on its line",
			give: "Date 2026-03-08\nFares Rise\n\n" + lead,
			want: dossier.Article{Date: date(2026, 3, 8), Title: "Fares Rise", Text: lead},
		},
		{
			name: "the word date starting a sentence",
			give: "Date night is back in fashion, survey says.\n",
			want: dossier.Article{Text: "Date night is back in fashion, survey says.\n"},
		},
		{
			name: "headers",
			give: "Title: Council Raises Bus Fares\nDATE: March 8, 2026\nsource: City Wire\nURL: https://example.com/fares\n\n" + lead,
			want: dossier.Article{Title: "Council Raises Bus Fares", Date: date(2026, 3, 8), Source: "City Wire", URL: "https://example.com/fares", Text: lead},
		},
		{
			name: "headers then a headline line",
			give: "date: 2026-03-08\nsource: City Wire\n\nCouncil Raises Bus Fares\n\n" + lead,
			want: dossier.Article{Title: "Council Raises Bus Fares", Date: date(2026, 3, 8), Source: "City Wire", Text: lead},
		},
		{
			name: "blank lines between headers",
			give: "title: Council Raises Bus Fares\n\ndate: 2026-03-08\n\n\n" + lead,
			want: dossier.Article{Title: "Council Raises Bus Fares", Date: date(2026, 3, 8), Text: lead},
		},
		{
			name: "a header-like line after the blank line that ends the headers",
			give: "date: 2026-03-08\n\nNote: fares rise in May.\n",
			want: dossier.Article{Date: date(2026, 3, 8), Text: "Note: fares rise in May.\n"},
		},
		{
			name: "headers end at a body line",
			give: "Date: 8 March 2026\nAuthor: Kim Lee\n" + lead,
			want: dossier.Article{Date: date(2026, 3, 8), Text: lead},
		},
		{
			name: "author alone is not a header",
			give: "Author: Kim Lee wrote this.\n",
			want: dossier.Article{Text: "Author: Kim Lee wrote this.\n"},
		},
		{
			name: "rfc 3339 date",
			give: "date: 2026-03-08T23:30:00-05:00\n\nBody.",
			want: dossier.Article{Date: date(2026, 3, 8), Text: "Body."},
		},
		{
			name: "unparsable date header is dropped",
			give: "date: last week\n\nBody.",
			want: dossier.Article{Text: "Body."},
		},
		{
			name: "leading blank lines and BOM",
			give: "\xef\xbb\xbf\n \n\t\nBody text.",
			want: dossier.Article{Text: "Body text."},
		},
		{
			name: "CRLF",
			give: "Fares Rise\r\n\r\nOne.\r\nTwo.\rThree.",
			want: dossier.Article{Title: "Fares Rise", Text: "One.\nTwo.\nThree."},
		},
		{
			name: "Windows-1252",
			give: "He paid \xa315.8m for the \x93best\x94 caf\xe9.",
			want: dossier.Article{Text: "He paid £15.8m for the “best” café."},
		},
		{
			name: "UTF-8 with a stray Latin-1 byte",
			give: "Zürich fee \xa3200 “today”.",
			want: dossier.Article{Text: "Zürich fee £200 “today”."},
		},
		{
			name: "UTF-16LE",
			give: "\xff\xfeH\x00i\x00.\x00",
			want: dossier.Article{Text: "Hi."},
		},
		{
			name: "UTF-16BE",
			give: "\xfe\xff\x00H\x00i\x00.",
			want: dossier.Article{Text: "Hi."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read("a.txt", []byte(tt.give))
			if err != nil {
				t.Fatalf("Read(%q) error = %v, want nil", tt.give, err)
			}
			if got != tt.want {
				t.Errorf("Read(%q) = %+v, want %+v", tt.give, got, tt.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name    string
		give    string
		want    error
		wantMsg string
	}{
		{"empty", "", ErrEmpty, "plaintext: a.txt: empty input"},
		{"white space", " \n\r\n\t", ErrEmpty, "plaintext: a.txt: empty input (only white space)"},
		{"headers only", "title: Fares\ndate: 2026-03-08\n", ErrEmpty, "plaintext: a.txt: empty input (no body text after the metadata)"},
		{"date prefix only", "date 2026-03-08 \n", ErrEmpty, "plaintext: a.txt: empty input (no body text after the metadata)"},
		{"NUL", "PK\x03\x04\x14\x00\x00\x00", ErrBinary, "plaintext: a.txt: binary data (NUL byte at offset 5)"},
		{"controls", "ab\x01\x02\x03cdefgh", ErrBinary, "plaintext: a.txt: binary data (3 control characters in 11 bytes)"},
		{"undefined Windows-1252 byte", "bad \x81 byte", ErrEncoding, "plaintext: a.txt: unknown text encoding (byte 0x81 at offset 4 is neither UTF-8 nor Windows-1252)"},
		{"odd UTF-16", "\xff\xfeH\x00i", ErrEncoding, "plaintext: a.txt: unknown text encoding (UTF-16 input of odd length)"},
		{"UTF-16 NUL", "\xff\xfe\x00\x00", ErrBinary, "plaintext: a.txt: binary data (NUL character in UTF-16 text)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("a.txt", []byte(tt.give))
			if !errors.Is(err, tt.want) {
				t.Fatalf("Read(%q) error = %v, want %v", tt.give, err, tt.want)
			}
			if err.Error() != tt.wantMsg {
				t.Errorf("Read(%q) error = %q, want %q", tt.give, err.Error(), tt.wantMsg)
			}
		})
	}
}

func TestReadControlTolerance(t *testing.T) {
	// One stray control byte in a long text is not binary data.
	give := strings.Repeat("Fares rose again on Tuesday. ", 10) + "\x1b"
	got, err := Read("a.txt", []byte(give))
	if err != nil || got.Text != give {
		t.Errorf("Read(%q) = %q, %v, want the text and nil", give, got.Text, err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		give   string
		want   time.Time
		wantOK bool
	}{
		{"2026-03-08", date(2026, 3, 8), true},
		{"2026-03-08T01:00:00Z", date(2026, 3, 8), true},
		{"2026-03-08 14:05", date(2026, 3, 8), true},
		{"2026/03/08", date(2026, 3, 8), true},
		{"Sun, 08 Mar 2026 10:00:00 GMT", date(2026, 3, 8), true},
		{"Sun, 8 Mar 2026 10:00:00 +0100", date(2026, 3, 8), true},
		{"March 8, 2026", date(2026, 3, 8), true},
		{"Mar. 8, 2026", date(2026, 3, 8), true},
		{"Sept. 30, 2025", date(2025, 9, 30), true},
		{"8 March 2026", date(2026, 3, 8), true},
		{"Sunday, March 8, 2026", date(2026, 3, 8), true},
		{"March 8th, 2026", date(2026, 3, 8), true},
		{"February 30, 2026", time.Time{}, false},
		{"March 2026", time.Time{}, false},
		{"last week", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, ok := ParseDate(tt.give)
			if !got.Equal(tt.want) || ok != tt.wantOK {
				t.Errorf("ParseDate(%q) = %v, %v, want %v, %v", tt.give, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestWindows1252Table(t *testing.T) {
	tests := []struct {
		give   byte
		want   rune
		wantOK bool
	}{
		{0x80, '€', true},
		{0x81, 0, false},
		{0x8a, 'Š', true},
		{0x8d, 0, false},
		{0x8f, 0, false},
		{0x90, 0, false},
		{0x91, '‘', true},
		{0x96, '–', true},
		{0x9d, 0, false},
		{0x9f, 'Ÿ', true},
	}
	for _, tt := range tests {
		got, ok := cp1252High(tt.give)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("cp1252High(0x%X) = %q, %v, want %q, %v", tt.give, got, ok, tt.want, tt.wantOK)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Council Raises Bus Fares\n\nThe council voted.",
		" date 2026-03-08 Body.",
		"title: A\ndate: March 8, 2026\n\nBody",
		"\xff\xfeH\x00i\x00",
		"caf\xe9 \x93x\x94",
		"PK\x03\x04",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("fuzz.txt", data)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) {
				t.Fatalf("Read(%q) error = %v, want one of the sentinel errors", data, err)
			}
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("Read(%q).Text = %q, not valid UTF-8", data, a.Text)
		}
		if strings.ContainsAny(a.Title, "\n\r") {
			t.Fatalf("Read(%q).Title = %q, has a line break", data, a.Title)
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Fatalf("Read(%q).Text = %q, want body text", data, a.Text)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	para := "WASHINGTON -- The council voted 7-2 on Tuesday to raise bus fares by 25 cents, the first increase since 2019. " +
		"\"It was not an easy choice,\" Mayor Lena Ortiz told reporters after the vote, adding that the city faced a $40 million gap.\n\n"
	data := []byte("title: Council Raises Bus Fares\ndate: 2026-03-08\nsource: City Wire\n\n" + strings.Repeat(para, 40))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("bench.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
