/**
 * Detection of Swedish personnummer and samordningsnummer in free text, so the core can
 * remove them before anything else sees a message (DESIGN.md, Aktualiseringscheck: "a
 * personnummer typed in chat is not echoed, not logged, and gets a warning").
 *
 * Formats (Skatteverket, "Personnummer och samordningsnummer"):
 * - YYMMDD-XXXX, YYMMDD+XXXX (the plus marks a person aged 100 or more), YYYYMMDD-XXXX;
 * - the same digits without separator (10 or 12 digits) or with a single space.
 * The month must be 01–12 and the day 01–31, or 61–91 for a samordningsnummer (day + 60).
 * Organisation numbers have 20 or more in the month position (e.g. 202100-5521, 232100-0222)
 * and are therefore never matched.
 * The dashed/plus forms are the unmistakable personnummer notation and are matched without
 * a check digit test, so a mistyped personnummer is still removed. Forms without a dash
 * (digits run together or split by a space) look like phone numbers or ids too, so there the
 * Luhn check digit must also be right.
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

// Century (optional), YYMMDD, separator (optional), serial+check digit; never inside a longer
// run of digits, so dates in ranges like 20230101-20231231 are not taken for a personnummer.
const CANDIDATE = /(?<![\d+-])((?:18|19|20)?\d{2})(\d{2})(\d{2})([-+ ]?)(\d{4})(?![\d])/g;

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

function validMonth(mm: number): boolean {
  return mm >= 1 && mm <= 12;
}

function validDay(dd: number): boolean {
  return (dd >= 1 && dd <= 31) || (dd >= 61 && dd <= 91);
}

/** Every personnummer or samordningsnummer found in `text`, in order of appearance. */
export function findPersonnummer(text: string): PersonnummerMatch[] {
  const found: PersonnummerMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, year = '', month = '', day = '', separator = '', serial = ''] = m;
    const mm = Number(month);
    const dd = Number(day);
    if (!validMonth(mm) || !validDay(dd)) continue;
    const dashed = separator === '-' || separator === '+';
    if (!dashed && !luhnValid(`${year.slice(-2)}${month}${day}${serial}`)) continue;
    found.push({ index: m.index, length: whole.length, samordningsnummer: dd > 60 });
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
