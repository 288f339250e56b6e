/**
 * Detection of Swedish personnummer and samordningsnummer in free text, so the core can
 * remove them before anything else sees a message (DESIGN.md, Aktualiseringscheck: "a
 * personnummer typed in chat is not echoed, not logged, and gets a warning").
 *
 * Formats (Skatteverket, "Personnummer och samordningsnummer"): YYMMDD-NNNN, YYMMDD+NNNN (the
 * plus marks a person aged 100 or more), YYYYMMDD-NNNN, and the same digits without separator.
 * People also type them with other dashes (en dash, minus sign …), full-width digits, spaces,
 * dots or slashes inside, zero-width characters pasted along, or a prefix such as "pnr-". So
 * the text is first normalised (see {@link detectionView}) and then read as runs of digit groups.
 *
 * A candidate is 10 or 12 digits made of whole groups (never part of a longer group, so dates
 * in ranges like 20230101-20231231 are not taken). The date must exist: month 01–12, a day that
 * the month has, or that day + 60 for a samordningsnummer. Organisation numbers have 20 or more
 * in the month position (202100-5521, 222000-1248) and therefore never match.
 * A dash or plus between date and serial is the unmistakable personnummer notation: matched
 * without a check digit test, so a mistyped personnummer is still removed. Any other form looks
 * like a phone number, an amount or an id too, so there the Luhn check digit must also be right,
 * and an ISO date followed by a number ("2023-02-17 1015") is not taken for one.
 */

export const PERSONNUMMER_PLACEHOLDER = '[personnummer borttaget]';

export interface PersonnummerMatch {
  /** Offset of the first character of the match in the input. */
  index: number;
  /** Length of the match in characters. */
  length: number;
  /** True when the day is 61–91 (samordningsnummer). */
  samordningsnummer: boolean;
}

/** Characters that are invisible when pasted and only hide what they sit inside. */
const INVISIBLE = /^[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]$/u;
/** Every dash-like character, after NFKC (which already maps the full-width hyphen and U+2011). */
const DASH = /^[\u2010-\u2015\u2043\u2212\uFE58\uFE63\uFF0D]$/u;
/** Horizontal spaces; a line break is never a separator (CSV rows are separate lines). */
const SPACE = /^[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000 ]$/u;

/** Text the detector reads as it is: printable ASCII and line breaks only. */
const PLAIN = /^[\x20-\x7E\n\r]*$/u;

/**
 * The text as the detector reads it: NFKC (full-width digits become 0–9), dashes as "-",
 * horizontal spaces as " ", invisible characters dropped. `start(i)`/`end(i)` give the span of
 * the input that view character `i` came from, so a match is removed from the text as typed.
 */
export function detectionView(text: string): { view: string; start: (i: number) => number; end: (i: number) => number } {
  if (PLAIN.test(text)) return { view: text, start: (i) => i, end: (i) => i + 1 };
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (c: string, from: number, to: number): void => {
    parts.push(c);
    starts.push(from);
    ends.push(to);
  };
  let at = 0;
  while (at < text.length) {
    const code = text.codePointAt(at) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const from = at;
    at += width;
    // ASCII needs no normalisation (only a tab becomes a space); NFKC per character is the slow part.
    if (code < 0x80) {
      push(code === 0x09 ? ' ' : text.charAt(from), from, at);
      continue;
    }
    const ch = text.slice(from, at);
    if (INVISIBLE.test(ch)) continue;
    for (const c of ch.normalize('NFKC')) {
      const mapped = DASH.test(c) ? '-' : SPACE.test(c) ? ' ' : c;
      for (let k = 0; k < mapped.length; k += 1) push(mapped.charAt(k), from, at);
    }
  }
  return { view: parts.join(''), start: (i) => starts[i] ?? 0, end: (i) => ends[i] ?? 0 };
}

/** Luhn (mod 10) check over the last ten digits, as printed on Swedish id numbers. */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) {
    // Without the century a 29 February is given the benefit of the doubt when the year could be a leap year.
    const leap = year === undefined ? true : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for an existing date, or a samordningsnummer's date (day + 60). `year` is undefined for YYMMDD. */
function validDate(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  const d = day > 60 ? day - 60 : day;
  return d >= 1 && d <= daysInMonth(year, month);
}

/** Digits separated by up to three spaces, or by one of - + . / with up to two spaces either side. */
const DIGIT_RUN = /\d+(?:(?: {1,3}| {0,2}[-+./] {0,2})\d+)*/g;

interface Group {
  digits: string;
  /** View offsets of the group's first and last digit. */
  from: number;
  to: number;
  /** The separator before this group ("" for the first). */
  before: string;
}

function groupsOf(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  let last = 0;
  for (const m of run.matchAll(/\d+/g)) {
    groups.push({ digits: m[0], from: offset + m.index, to: offset + m.index + m[0].length - 1, before: run.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  return groups;
}

/**
 * Whether `groups` (10 or 12 digits in all, `digits` joined) read as a personnummer or
 * samordningsnummer.
 */
function readsAsPersonnummer(groups: readonly Group[], digits: string): { ok: boolean; samordningsnummer: boolean } {
  const long = digits.length === 12;
  if (long && !/^(18|19|20)/.test(digits)) return { ok: false, samordningsnummer: false };
  const ten = long ? digits.slice(2) : digits;
  const year = long ? Number(digits.slice(0, 4)) : undefined;
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  if (!validDate(year, month, day)) return { ok: false, samordningsnummer: false };

  // The separator between date and serial, if the boundary falls between two groups.
  const dateLength = long ? 8 : 6;
  let seen = 0;
  let boundary: string | undefined;
  let separatedDate = false;
  for (const [k, g] of groups.entries()) {
    if (seen === dateLength && k > 0) boundary = g.before;
    else if (k > 0 && seen < dateLength && /[-./]/.test(g.before)) separatedDate = true;
    seen += g.digits.length;
  }
  const dashed = boundary !== undefined && /[-+]/.test(boundary);
  const isoDateThenNumber = separatedDate && boundary !== undefined && boundary.trim() === '';
  const ok = dashed || (!isoDateThenNumber && luhnValid(ten));
  return { ok, samordningsnummer: day > 60 };
}

/** Every personnummer or samordningsnummer found in `text`, in order of appearance. */
export function findPersonnummer(text: string): PersonnummerMatch[] {
  const { view, start, end } = detectionView(text);
  const found: PersonnummerMatch[] = [];
  for (const run of view.matchAll(DIGIT_RUN)) {
    // Fewer than ten characters cannot hold ten digits: most runs (years, amounts) stop here.
    if (run[0].length < 10) continue;
    const groups = groupsOf(run[0], run.index);
    let i = 0;
    while (i < groups.length) {
      // The longest reading from group i: 12 digits before 10.
      let match: { j: number; samordningsnummer: boolean } | undefined;
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 12; j += 1) {
        digits += groups[j]?.digits ?? '';
        if (digits.length !== 10 && digits.length !== 12) continue;
        const r = readsAsPersonnummer(groups.slice(i, j + 1), digits);
        if (r.ok) match = { j, samordningsnummer: r.samordningsnummer };
      }
      if (match === undefined) {
        i += 1;
        continue;
      }
      const first = groups[i];
      const last = groups[match.j];
      if (first && last) {
        const index = start(first.from);
        found.push({ index, length: end(last.to) - index, samordningsnummer: match.samordningsnummer });
      }
      i = match.j + 1;
    }
  }
  return found;
}

/** True when `text` holds at least one personnummer or samordningsnummer. */
export function containsPersonnummer(text: string): boolean {
  return findPersonnummer(text).length > 0;
}

/** `text` with each personnummer/samordningsnummer replaced by {@link PERSONNUMMER_PLACEHOLDER}. */
export function redactPersonnummer(text: string): { text: string; count: number } {
  const matches = findPersonnummer(text);
  if (matches.length === 0) return { text, count: 0 };
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.index) + PERSONNUMMER_PLACEHOLDER;
    at = m.index + m.length;
  }
  return { text: out + text.slice(at), count: matches.length };
}
