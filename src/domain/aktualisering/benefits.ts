import type { Benefit } from '../../data/schemas/individprocesser.js';
import { negationSpans } from '../../understanding/negation.js';
import { hasWord, tokenIs, tokens } from './words.js';

/**
 * The person's benefits as a question states them (DESIGN.md, Language: "fst", "ekonomiskt
 * bistånd", "sjukskriven", typos). A benefit inside a negation's scope ("har inte sjukpenning",
 * "varken … eller", "utan …") is one the person lacks: it is `lacked`, never `held`.
 */
export interface BenefitMentions {
  held: Benefit[];
  lacked: Benefit[];
  /** The text says the person has no benefit at all ("ingen ersättning alls"). */
  none: boolean;
}

const SICK_COMP = 'sjukersattning';

export function benefitMentions(normalized: string): BenefitMentions {
  const toks = tokens(normalized);
  const spans = negationSpans(toks);
  /** Token index of each benefit named, first mention. */
  const found = new Map<Benefit, number>();
  const add = (benefit: Benefit, at: number) => { if (at >= 0 && !found.has(benefit)) found.set(benefit, at); };
  const word = (stem: string, suffix = 3) => hasWord(toks, stem, suffix);
  /** Token index where a pattern matches the normalised text, -1 when it does not. */
  const pattern = (re: RegExp) => {
    const m = re.exec(normalized);
    return m === null ? -1 : tokens(normalized.slice(0, m.index)).length;
  };
  const first = (...at: number[]) => at.find((i) => i >= 0) ?? -1;

  add('sjukpenning', first(word('sjukpenning'), word('sjukpeng', 4)));
  add('aktivitetsersattning', first(word('aktivitetsersattning'), pattern(/\baktivitets\s?ersattning/)));
  add('forsorjningsstod', first(word('forsorjningsstod', 2), pattern(/ekonomiskt? bistand|\bsocialbidrag|\bfs(?:s|st|t)?\b|\bforsorjningsstodet\b/)));
  add('etableringsersattning', first(word('etableringsersattning'), pattern(/\betableringsprogram|\betableringen\b|\betableringsarende/)));
  add('a-kassa-aktivitetsstod', first(word('aktivitetsstod'), pattern(/\ba-?\s?kassa|\barbetsloshetsersattning/)));

  const sick = toks.findIndex((t) => tokenIs(t, SICK_COMP, 2));
  if (sick >= 0) {
    const around = toks.slice(Math.max(0, sick - 3), sick + 4).join(' ');
    if (/\b(hel|helt|heltid|hela|full|100)\b|\bhelsjukersattning/.test(around)) add('sjukersattning-hel', sick);
    else if (/\b(partiell|delvis|del|deltid|halv|halvt?|partiellt|25|50|75)\b/.test(around)) add('sjukersattning-partiell', sick);
    else add('sjukersattning', sick);
  }
  const whole = pattern(/\bhelsjukersattning|\bhel sjukersattning/);
  if (whole >= 0) { found.delete('sjukersattning'); add('sjukersattning-hel', whole); }

  // "Sjukskriven" means sjukpenning unless the text says the person lacks SGI / is nollklassad.
  if (!found.has('sjukpenning') && !/nollklassad|\butan sgi|\bsaknar sgi|ingen sgi/.test(normalized)) add('sjukpenning', pattern(/\bsjukskriv/));

  const negated = (at: number) => spans.some((s) => at >= s.start && at < s.end);
  const held = [...found].filter(([, at]) => !negated(at)).map(([b]) => b);
  const lacked = [...found].filter(([, at]) => negated(at)).map(([b]) => b);
  const none = /\b(ingen|inga|utan|saknar)( \w+)? (ersattning|ersattningar|forsorjning|inkomst)\b|^inga?$|^ingen ersattning/.test(normalized);
  return { held, lacked, none };
}

/**
 * The person's benefits named in the text; when every benefit named is negated, ['ingen'] if
 * the text also says there is none ("varken sjukpenning eller … – ingen ersättning alls"), else
 * unknown (the benefits it lacks are `benefitMentions().lacked`).
 */
export function extractBenefits(normalized: string): Benefit[] | undefined {
  const { held, none } = benefitMentions(normalized);
  if (held.length > 0) return held;
  return none ? ['ingen'] : undefined;
}
