/**
 * Which förbund a question is about — the one place that decides it. Everything it knows comes
 * from data/: the förbund's names and aliases, its municipalities, the records it owns, and the
 * deployment's default förbund (DEFAULT_FORBUND, else the förbund marked `default` in data/).
 * The conversation's förbund (FORBUND_CHANNELS, the CLI's --forbund, the web chat's ?forbund=, or
 * the answer when the bot asked) rides on the parsed question as `conversationForbund`.
 */
import type { AgreementData } from '../data/load.js';
import type { EntityMatch, ParsedQuery } from './entities.js';
import { normalize } from './text.js';

type ForbundData = Pick<AgreementData, 'forbund'> & { defaultForbund?: string };

/** True when the deployment has a default förbund: DEFAULT_FORBUND, or one marked `default: true` in data/. */
export function hasDeploymentDefault(data: ForbundData): boolean {
  return (data.defaultForbund !== undefined && data.forbund.some((f) => f.id === data.defaultForbund)) || data.forbund.some((f) => f.default);
}

/**
 * The deployment's default förbund: the one configured (DEFAULT_FORBUND, set on the data by the
 * loader), else the one marked `default: true` in data/, else the first förbund.
 */
export function defaultForbund(data: ForbundData): string {
  if (data.defaultForbund !== undefined && data.forbund.some((f) => f.id === data.defaultForbund)) return data.defaultForbund;
  return data.forbund.find((f) => f.default)?.id ?? data.forbund[0]?.id ?? '';
}

// Words for groups and the förbund itself that every förbund has: they do not tell which one is meant.
const GENERIC_WORDS = new Set(['styrelse', 'styrelsen', 'styrelsens', 'styrgrupp', 'styrgruppen', 'styrgrupper', 'styrgrupperna',
  'beredningsgrupp', 'beredningsgruppen', 'kansli', 'kansliet', 'forbund', 'forbundet', 'forbundets', 'samordningsforbund',
  'samordningsforbundet', 'samordningsforbundets', 'avtalet', 'overenskommelsen', 'overenskommelse', 'verksamhetsutvecklare', 'forbundschef']);

const municipalityCache = new WeakMap<AgreementData['forbund'], Map<string, string>>();

/** Normalised municipality name → the one förbund it belongs to (names two förbund share are left out). */
function municipalities(data: ForbundData): Map<string, string> {
  const cached = municipalityCache.get(data.forbund);
  if (cached) return cached;
  const owners = new Map<string, Set<string>>();
  for (const f of data.forbund) {
    for (const m of f.municipalities) {
      const key = normalize(m);
      owners.set(key, (owners.get(key) ?? new Set()).add(f.id));
    }
  }
  const out = new Map([...owners].filter(([, fs]) => fs.size === 1).map(([name, fs]) => [name, [...fs][0] ?? '']));
  municipalityCache.set(data.forbund, out);
  return out;
}

/** True when an alias another förbund's record also has (Försäkringskassan, "psykiatrin") matched at the same span. */
function shared(q: ParsedQuery, e: EntityMatch): boolean {
  return q.entities.some((o) => o !== e && o.ref.forbund !== e.ref.forbund && o.start === e.start && o.end === e.end);
}

function generic(q: ParsedQuery, e: EntityMatch): boolean {
  return q.tokens.slice(e.start, e.end).every((t) => GENERIC_WORDS.has(t));
}

/** A question in its conversation: the parsed question with the conversation's förbund, when there is one. */
export type QueryInConversation = ParsedQuery & { conversationForbund?: string };

/**
 * The parsed question (shared by every reader of the same text) with the conversation's förbund
 * attached: a new object, so the memoised parse is never changed.
 */
export function inConversation(q: ParsedQuery, conversationForbund: string | undefined): QueryInConversation {
  return conversationForbund === undefined ? q : { ...q, conversationForbund };
}

/** The förbund a conversation belongs to when its question names none: the conversation's, else the deployment's default. */
export function homeForbund(data: ForbundData, q?: { conversationForbund?: string }): string {
  const own = q?.conversationForbund;
  if (own !== undefined && data.forbund.some((f) => f.id === own)) return own;
  return defaultForbund(data);
}

/**
 * The förbund a question names, or undefined when it names none:
 * 1. the one it names by name, alias or member municipality ("Finnveden", "i Gnosjö"), when only one is named;
 * 2. else the one whose records it names — verksamheter, groups and agreements weigh twice what a
 *    party or unit does (several förbund have the same kinds of parties); a tie goes to the home förbund.
 */
export function namedForbund(data: ForbundData, q: QueryInConversation): string | undefined {
  const ids = new Set(data.forbund.map((f) => f.id));
  const home = homeForbund(data, q);
  const named = new Set<string>();
  for (const e of q.entities) {
    if (e.ref.kind === 'forbund' && !generic(q, e) && !shared(q, e)) named.add(e.ref.forbund);
  }
  const places = municipalities(data);
  for (const t of q.tokens) {
    const f = places.get(t) ?? (t.endsWith('s') ? places.get(t.slice(0, -1)) : undefined);
    if (f !== undefined) named.add(f);
  }
  if (named.size === 1) {
    const only = [...named][0] ?? '';
    if (ids.has(only)) return only;
  }
  const votes = new Map<string, number>();
  for (const e of q.entities) {
    if (shared(q, e) || generic(q, e)) continue;
    const weight = e.ref.kind === 'party' || e.ref.kind === 'unit' ? 1 : 2;
    votes.set(e.ref.forbund, (votes.get(e.ref.forbund) ?? 0) + weight);
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || Number(b[0] === home) - Number(a[0] === home))[0];
  if (best && ids.has(best[0])) return best[0];
  return undefined;
}

/**
 * The förbund a question is about: the one it names ({@link namedForbund}); else the
 * conversation's förbund; else the deployment's default förbund.
 */
export function forbundOf(data: ForbundData, q: QueryInConversation): string {
  return namedForbund(data, q) ?? homeForbund(data, q);
}

/**
 * Which förbund's passages a search may answer from: in a conversation that belongs to a förbund,
 * only the one the question is about; otherwise all (the deployment answers from every förbund's documents).
 */
export function searchScope(data: ForbundData, q: QueryInConversation): string[] | undefined {
  if (q.conversationForbund !== undefined) return [forbundOf(data, q)];
  // A question that names a förbund, one of its verksamheter or a member municipality – of one förbund
  // only – is about that förbund: another's passages do not answer it ("inskrivningstid på Vuxentorget").
  const own = ownNamesForbund(data, q);
  return own === undefined ? undefined : [own];
}

/** The one förbund the question's own names belong to (a förbund, a verksamhet, a member municipality no other förbund has). */
function ownNamesForbund(data: ForbundData, q: ParsedQuery): string | undefined {
  const named = new Set<string>();
  for (const e of q.entities) {
    if ((e.ref.kind === 'forbund' || e.ref.kind === 'verksamhet') && !generic(q, e) && !shared(q, e)) named.add(e.ref.forbund);
  }
  const places = municipalities(data);
  for (const t of q.tokens) {
    const f = places.get(t) ?? (t.endsWith('s') ? places.get(t.slice(0, -1)) : undefined);
    if (f !== undefined) named.add(f);
  }
  const [only] = named;
  return named.size === 1 && data.forbund.some((f) => f.id === only) ? only : undefined;
}

/** The förbund a municipality belongs to, by its name as data/ spells it (any case, å/ä/ö or not). */
export function forbundOfMunicipality(data: ForbundData, municipality: string): string | undefined {
  return municipalities(data).get(normalize(municipality));
}

/**
 * True when the question names a förbund other than `home` by what only that förbund has: its
 * name or alias, one of its verksamheter, or a member municipality no other förbund has. A group
 * or a role ("förbundschefen", "styrelsen") or a party every förbund has names none.
 */
export function namesOtherForbund(data: ForbundData, q: ParsedQuery, home: string): boolean {
  for (const e of q.entities) {
    if ((e.ref.kind === 'forbund' || e.ref.kind === 'verksamhet') && e.ref.forbund !== home && !generic(q, e) && !shared(q, e)) return true;
  }
  const places = municipalities(data);
  return q.tokens.some((t) => {
    const f = places.get(t) ?? (t.endsWith('s') ? places.get(t.slice(0, -1)) : undefined);
    return f !== undefined && f !== home;
  });
}
