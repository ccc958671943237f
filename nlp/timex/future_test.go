package timex_test

import (
	"testing"
	"time"
)

func TestFutureCues(t *testing.T) {
	// Thursday 14 May 2026.
	may := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		give string
		want string
	}{
		{"According to two diplomats briefed on the plan, ministers hope to sign a treaty before the NATO summit in July.", "July=DATE:2026-07"},
		{"The airline aims to restore full service by September.", "September=DATE:2026-09"},
		{"Union leaders vowed to strike again in October if talks fail.", "October=DATE:2026-10"},
		{"The regulator expects to publish its ruling on Tuesday.", "Tuesday=DATE:2026-05-19"},
		{"The company is due to report earnings in August.", "August=DATE:2026-08"},
		{"Traders said growers are likely to see lower prices in June.", "June=DATE:2026-06"},
		// Without a cue, a past report keeps a month after the article's month in the year before.
		{"Exports fell sharply in June, the ministry said.", "June=DATE:2025-06"},
		{"Officials said on Monday the talks had collapsed.", "Monday=DATE:2026-05-11"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := found(run(t, tt.give, may)); got != tt.want {
				t.Errorf("Process(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}
