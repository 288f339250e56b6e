/**
 * The written forms of a personnummer/samordningsnummer the redaction must catch (issue 15,
 * finding 5), shared by the domain test and the tests through the core and /chat. Each entry is
 * the text as typed and the ASCII digits it stands for: neither may reach a reply, the state
 * file or the log.
 */
export interface PnrForm {
  name: string;
  typed: string;
  digits: string;
}

// 811218-9876 and 19701063-2391 (samordningsnummer) have valid check digits; 850101-1234 does not.
export const PNR_FORMS: readonly PnrForm[] = [
  { name: 'YYMMDD-NNNN', typed: '811218-9876', digits: '8112189876' },
  { name: 'YYYYMMDD-NNNN', typed: '19811218-9876', digits: '198112189876' },
  { name: '10 digits', typed: '8112189876', digits: '8112189876' },
  { name: '12 digits', typed: '198112189876', digits: '198112189876' },
  { name: 'YYMMDD+NNNN (100 years or older)', typed: '121212+1212', digits: '1212121212' },
  { name: 'wrong check digit, dashed', typed: '850101-1234', digits: '8501011234' },
  { name: 'samordningsnummer, dashed', typed: '701063-2391', digits: '7010632391' },
  { name: 'samordningsnummer, 12 digits', typed: '197010632391', digits: '197010632391' },
  { name: 'space as separator', typed: '811218 9876', digits: '8112189876' },
  { name: 'en dash', typed: '811218\u20139876', digits: '8112189876' },
  { name: 'em dash', typed: '811218\u20149876', digits: '8112189876' },
  { name: 'U+2212 minus sign', typed: '811218\u22129876', digits: '8112189876' },
  { name: 'U+2010 hyphen', typed: '811218\u20109876', digits: '8112189876' },
  { name: 'U+2011 non-breaking hyphen', typed: '811218\u20119876', digits: '8112189876' },
  { name: 'full-width hyphen', typed: '811218\uFF0D9876', digits: '8112189876' },
  { name: 'full-width digits', typed: '\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16', digits: '8112189876' },
  { name: 'zero-width space inside', typed: '8112\u200B18-98\u200B76', digits: '8112189876' },
  { name: 'zero-width joiner and word joiner', typed: '811\u200D218\u20609876', digits: '8112189876' },
  { name: 'byte order mark inside', typed: '81121\uFEFF89876', digits: '8112189876' },
  { name: 'spaces inside the number', typed: '81 12 18 98 76', digits: '8112189876' },
  { name: 'spaces around the dash', typed: '811218 - 9876', digits: '8112189876' },
  { name: 'no-break space', typed: '811218\u00A09876', digits: '8112189876' },
  { name: 'dot separator', typed: '811218.9876', digits: '8112189876' },
  { name: 'slash separator', typed: '811218/9876', digits: '8112189876' },
  { name: 'dots in the date', typed: '81.12.18-9876', digits: '8112189876' },
  { name: 'plus as separator, 12 digits', typed: '19811218+9876', digits: '198112189876' },
  { name: 'prefix "pnr-"', typed: 'pnr-8112189876', digits: '8112189876' },
  { name: 'prefix "pnr:"', typed: 'pnr:811218-9876', digits: '8112189876' },
  { name: 'prefix "personnr"', typed: 'personnr 19811218-9876', digits: '198112189876' },
  { name: 'prefix glued on', typed: 'pnr8112189876', digits: '8112189876' },
  { name: 'ISO-like date with dashes', typed: '1981-12-18-9876', digits: '198112189876' },
];

/**
 * The strings that would show a form leaked: as typed, its digits, the usual dashed notation, and
 * the typed form after the detector's normalisation (full-width digits as 0–9 and so on).
 */
export function leakedForms(form: PnrForm): string[] {
  const d = form.digits;
  const dashed = `${d.slice(0, -4)}-${d.slice(-4)}`;
  const normalized = form.typed.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF]/gu, '');
  return [...new Set([form.typed, d, dashed, normalized])];
}

/** Which of the forms' leak strings `haystack` contains (an empty list is what a test wants). */
export function leaksIn(haystack: string, forms: readonly PnrForm[]): string[] {
  const flat = haystack.normalize('NFKC');
  return forms.flatMap((f) => leakedForms(f).filter((s) => haystack.includes(s) || flat.includes(s)).map((s) => `${f.name}: ${s}`));
}
