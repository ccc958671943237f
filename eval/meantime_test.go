package eval

import (
	"strings"
	"testing"
)

// A MEANTIME-shaped document written for this test.
const meantimeXML = `<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Port</token>
<token number="1" sentence="0" t_id="2">reopens</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">4</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2010</token>
<token number="6" sentence="2" t_id="7">The</token>
<token number="7" sentence="2" t_id="8">port</token>
<token number="8" sentence="2" t_id="9">reopened</token>
<token number="9" sentence="2" t_id="10">on</token>
<token number="10" sentence="2" t_id="11">Monday</token>
<token number="11" sentence="2" t_id="12">.</token>
<token number="12" sentence="3" t_id="13">It</token>
<token number="13" sentence="3" t_id="14">closed</token>
<token number="14" sentence="3" t_id="15">in</token>
<token number="15" sentence="3" t_id="16">April</token>
<token number="16" sentence="3" t_id="17">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="20" type="DATE" value="2010-05-04"/>
<TIMEX3 functionInDocument="NONE" m_id="21" type="DATE" value="2010-05-03">
<token_anchor t_id="11"/>
</TIMEX3>
</Markables>
</Document>`

func TestParseMEANTIME(t *testing.T) {
	d, err := parseMEANTIME(strings.NewReader(meantimeXML))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Port reopens\nMay 4 , 2010\nThe port reopened on Monday .\nIt closed in April ."; d.text != want {
		t.Errorf("text = %q, want %q", d.text, want)
	}
	if d.dct.Format("2006-01-02") != "2010-05-04" {
		t.Errorf("dct = %v, want 2010-05-04", d.dct)
	}
	if len(d.timex) != 1 || d.timex[0].Span.Text(d.text) != "Monday" || d.timex[0].Value != "2010-05-03" {
		t.Errorf("timex = %+v, want Monday = 2010-05-03", d.timex)
	}
	// Annotation stops after the sentence with "Monday"; the dateline is
	// the sentence under the title.
	if got := d.text[:d.annotatedEnd]; !strings.HasSuffix(got, "Monday .") {
		t.Errorf("annotated region ends at %q", got)
	}
	if got := d.dateline.Text(d.text); !strings.Contains(got, "May 4 , 2010") {
		t.Errorf("dateline = %q", got)
	}
}
