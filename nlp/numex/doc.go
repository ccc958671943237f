// Package numex finds figures in news text: amounts of money, percentages,
// economically meaningful quantities (barrels a day, tonnes, cubic metres,
// megawatts) and market moves ("WTI crude futures jumped 12.67% to $91.27").
//
// It reads the tokens and sentences layers and writes the figures layer. The
// component scans the tokens once; at a token that can begin a figure (a
// digit, a currency sign or code, a number word, a movement verb) it parses
// forward over the raw text, so it works whether the tokenizer keeps
// "1.13bn" as one token or splits it. No regular expressions, no string
// copies of the text: units are constants, instruments are substrings of the
// text except when a ticker in parentheses is cut out of them.
//
// Conventions (gold/FORMAT.md, "Figures"):
//
//   - Money: Kind money, Value the amount in units of the currency
//     ("$1.13bn" is 1.13e9, "50 cents" is 0.5, "20p" is 0.2), Unit the ISO
//     4217 code. "$" is USD unless qualified ("C$", "US$"); "¥" is JPY.
//     A qualified currency word is that country's ("Canadian dollars",
//     "Chilean pesos"). A bare word that several countries use (dollar,
//     pound, peso, franc, krona, krone, rupee, dinar, riyal, rial, lira,
//     shilling) takes the country of the nearest place named in its
//     sentence ("4,120 pesos in Santiago" is CLP), else, except for dollars
//     and pounds, of the place of that family the article names most; with
//     none it is the most common in news: USD, GBP, MXN, CHF, SEK, NOK, INR,
//     IQD, SAR, IRR, TRY, KES (currency.go). "pounds" before "of" is a weight.
//   - Percent: Kind percent, Unit "percent" for "%", "percent", "per cent",
//     "pct"; Unit "percentage points" and "basis points" for differences
//     written that way, with Value as written ("25 basis points" is 25).
//     A share of people or votes ("52% of voters") is not a figure.
//   - Quantity: Kind quantity with a unit word from a closed list of
//     commodity and energy units ("barrels a day", "tonnes", "cubic metres",
//     "megawatts"...). Counts of people, temperatures, distances and body
//     weights are never figures, and a bare number is never a figure.
//   - Ranges: one figure per amount. "$10-15 million" gives two money
//     figures, 1e7 and 1.5e7 USD: the bare side of a range borrows the
//     other's unit and scale.
//   - Move: Kind move for a subject, a movement word and a change and/or a
//     level. Direction comes from the verb (rose, fell, edged up, closed
//     lower, was unchanged...); ChangePct is the unsigned percent change;
//     ChangePts the unsigned absolute change in the level's own unit (index
//     points, currency amounts, percentage points: basis points are divided
//     by 100 so they share the unit of a yield, bond price fractions such as
//     "7/32"); Level the level reached after "to", "at", "to close at"...;
//     Unit the level's currency, "percent" for a percent level, omitted for
//     index points. A level reached "to yield" has no direction (FORMAT.md's
//     bond rule). The numbers inside a move are not emitted again as
//     separate figures. The span runs from the instrument (or subject) to the
//     end of the last number.
//   - Instrument: the subject noun phrase as written, without determiners or
//     parenthesised tickers. "Shares of Apple"/"shares in Apple" and
//     "Apple's shares" give "Apple" (the name, which containment matching
//     finds inside any longer form); "the price of gold" keeps "price of
//     gold". It is omitted when the subject only describes ("the stock",
//     "its shares", "the index", "it").
//
// Approximators ("more than", "nearly") are skipped and not encoded.
package numex
