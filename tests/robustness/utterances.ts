/**
 * Seeded generator of hostile and odd utterances for the robustness test (issue 4: "random
 * Unicode, emoji, very long words, empty-ish input, markup, mixed languages").
 */

/** mulberry32: a small seeded PRNG, so a failing utterance can be reproduced from its index. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANGES: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x17f], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x5ff], [0x600, 0x6ff],
  [0x900, 0x97f], [0x3040, 0x30ff], [0x4e00, 0x4fff], [0xac00, 0xac7f], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff],
  [0x2000, 0x206f], [0xfe00, 0xfe0f], [0xd800, 0xdfff], [0x0, 0x1f],
];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🇸🇪', '❤️', '🤖', '🔥', '✅', '🙈', '🏳️‍🌈', '\u200d', '\ufe0f'];
const WORDS = ['vad', 'åtar', 'sig', 'fk', 'af', 'soc', 'psyk', 'vuxentorget', 'VT', 'UT', 'SSG', 'AU', 'styrelsen', 'målgrupp', 'kontakt',
  'organisationsnummer', 'orgnr', 'initiativ', 'budget', 'T2', '2023', 'när', 'nästa', 'möte', 'aktualisera', 'förankra', 'samtycke',
  'vem', 'kontaktar', 'jag', 'på', 'psykiatrin', 'Finnveden', 'uppsägning', 'mål', 'indikatorer', 'hjälp', 'avbryt', 'börja', 'om', 'tillbaka'];
const MARKUP = ['<script>alert(1)</script>', '<b>fet</b>', '**fet**', '```kod```', '[länk](http://example.com)', '<img src=x onerror=alert(1)>',
  '&lt;&gt;&amp;', '{{7*7}}', '${process.exit()}', "'; DROP TABLE users; --", '<!-- -->', '\\u0000', '%s%s%s', '../../etc/passwd'];
const FOREIGN = ['What does the employment agency commit to?', 'Wie ist die Organisationsnummer?', 'Mikä on Kelan y-tunnus?',
  'ما هو رقم المنظمة؟', 'Что обязуется делать FK?', '社会保险机构的组织编号是什么？', 'Quelle est la date de la prochaine réunion?',
  'Hur mycket is the budget för VT in 2023 please', 'Kan du help me med kontakt till psyk?', 'ok', 'lol', '???', 'ja', 'nej'];
const EMPTYISH = ['', ' ', '\n', '\t\t', '\u200b', '\u00a0', '.', '?', '!!!', '...', '-', '\u2028', '\r\n', '  \u3000 '];
const COMMANDS = ['avbryt', 'hjälp', 'börja om', 'tillbaka', '1', '2', '3', '9', 'hej', 'Hjalp!', 'AVBRYT', 'borja om'];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function randomUnicode(rnd: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 1) {
    const [lo, hi] = pick(rnd, RANGES);
    s += String.fromCodePoint(lo + Math.floor(rnd() * (hi - lo + 1)));
  }
  return s;
}

function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A personnummer-like string (valid date and check digit) in one of the written forms. */
export function personnummerLike(rnd: () => number): string {
  const yy = String(Math.floor(rnd() * 100)).padStart(2, '0');
  const mm = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const dd = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  const serial = String(Math.floor(rnd() * 1000)).padStart(3, '0');
  const ten = `${yy}${mm}${dd}${serial}${luhnDigit(`${yy}${mm}${dd}${serial}`)}`;
  const century = rnd() < 0.5 ? '19' : '20';
  const forms = [`${ten.slice(0, 6)}-${ten.slice(6)}`, `${century}${ten.slice(0, 6)}-${ten.slice(6)}`, `${century}${ten}`, ten];
  return pick(rnd, forms);
}

/** Utterance number `i` of the run seeded with `seed`; `kind` says which family it comes from. */
export function utterance(rnd: () => number): { kind: string; text: string } {
  const r = rnd();
  if (r < 0.14) return { kind: 'unicode', text: randomUnicode(rnd, 1 + Math.floor(rnd() * 60)) };
  if (r < 0.22) return { kind: 'emoji', text: Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pick(rnd, EMOJI)).join(rnd() < 0.5 ? '' : ' ') };
  if (r < 0.28) {
    const unit = pick(rnd, ['a', 'å', 'xyz', 'vuxentorget', '9', '😀', 'ö']);
    return { kind: 'long', text: unit.repeat(200 + Math.floor(rnd() * 3000)) };
  }
  if (r < 0.36) return { kind: 'emptyish', text: pick(rnd, EMPTYISH) };
  if (r < 0.44) return { kind: 'markup', text: `${pick(rnd, MARKUP)} ${rnd() < 0.5 ? pick(rnd, WORDS) : ''}` };
  if (r < 0.54) return { kind: 'foreign', text: pick(rnd, FOREIGN) };
  if (r < 0.62) {
    const n = [String(Math.floor(rnd() * 1e6)), (rnd() * 1000).toFixed(3), '-1', '1e309', '0', '2023-02-17', '17/2', 'T2 2023', '090-785 63 10', '202100-5521'];
    return { kind: 'numbers', text: pick(rnd, n) };
  }
  if (r < 0.7) return { kind: 'personnummer', text: `${pick(rnd, ['Min klient', 'Kan', 'personnummer', ''])} ${personnummerLike(rnd)} ${pick(rnd, WORDS)}`.trim() };
  if (r < 0.8) return { kind: 'commands', text: pick(rnd, COMMANDS) };
  // Swedish-looking word salad with typos, so the real dialogs (and their prompts) get exercised.
  const words = Array.from({ length: 1 + Math.floor(rnd() * 9) }, () => {
    const w = pick(rnd, WORDS);
    if (w.length > 4 && rnd() < 0.3) {
      const i = Math.floor(rnd() * (w.length - 1));
      return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
    }
    return w;
  });
  return { kind: 'salad', text: `${words.join(' ')}${pick(rnd, ['', '?', '!', '.'])}` };
}
