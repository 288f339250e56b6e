/**
 * The names the help's example questions use, from data/: the deployment's default förbund's
 * `showcase` verksamhet and party (else its verksamhet with the most commitments and that
 * verksamhet's most committed party), its busiest group's short name and a year of its budget.
 */
import type { AgreementData } from '../data/load.js';
import { defaultForbund } from './forbund.js';

export interface HelpExamples {
  /** "Vuxentorget" */
  verksamhet: string;
  /** "Vuxentorgets" */
  verksamhetGenitive: string;
  /** "Arbetsförmedlingen" */
  party: string;
  /** "SSG": the group other than the board with the most dated meetings, by its short name. */
  group: string;
  /** A year the verksamhet's budget covers ("2023"), when it has one. */
  year?: string;
}

type ExampleData = Pick<AgreementData, 'forbund' | 'verksamheter' | 'parties' | 'commitments' | 'organs' | 'calendarEvents' | 'budgets' | 'defaultForbund'>;

const cache = new WeakMap<object, Map<string, HelpExamples>>();

/** Swedish genitive: "Vuxentorget" → "Vuxentorgets", "Krami" → "Kramis"; a name ending in s, x or z stays. */
export function genitive(name: string): string {
  return /[sxz]$/iu.test(name) ? name : `${name}s`;
}

function mostCommon(ids: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The example names of `data` for `forbundId` (a conversation's förbund), else for the default
 * förbund (built once per data object and förbund: a reload makes a new one). A partial data
 * object (a test's, a förbund without budget) gives generic words where a name is missing.
 */
export function helpExamples(input: Partial<ExampleData>, forbundId?: string): HelpExamples {
  const data: ExampleData = {
    forbund: input.forbund ?? [], verksamheter: input.verksamheter ?? [], parties: input.parties ?? [], commitments: input.commitments ?? [],
    organs: input.organs ?? [], calendarEvents: input.calendarEvents ?? [], budgets: input.budgets ?? [], defaultForbund: input.defaultForbund,
  };
  const forbund = forbundId !== undefined && data.forbund.some((f) => f.id === forbundId) ? forbundId : defaultForbund(data);
  const hit = cache.get(data.forbund)?.get(forbund);
  if (hit) return hit;
  const record = data.forbund.find((f) => f.id === forbund);
  const commitments = data.commitments.filter((c) => c.forbund === forbund);
  const verksamhetId = record?.showcase?.verksamhet ?? mostCommon(commitments.map((c) => c.verksamhet));
  const verksamhet = data.verksamheter.find((v) => v.forbund === forbund && v.id === verksamhetId)?.name ?? 'verksamheten';
  const own = new Set(data.parties.filter((p) => p.forbund === forbund && p.kind === 'forbund').map((p) => p.id));
  const partyId = record?.showcase?.party ?? mostCommon(commitments.filter((c) => c.verksamhet === verksamhetId && !own.has(c.party)).map((c) => c.party));
  const party = data.parties.find((p) => p.forbund === forbund && p.id === partyId)?.name ?? 'en part';
  const organs = data.organs.filter((o) => o.forbund === forbund && o.kind !== 'styrelse' && o.kind !== 'kansli');
  const busiest = mostCommon(data.calendarEvents.filter((e) => e.forbund === forbund && organs.some((o) => o.id === e.organ)).map((e) => e.organ));
  const organ = organs.find((o) => o.id === busiest) ?? organs[0];
  const group = organ ? (organ.aliases.find((a) => /^\p{Lu}{2,4}$/u.test(a)) ?? organ.name) : 'styrelsen';
  const year = data.budgets
    .filter((b) => b.forbund === forbund && b.sections.some((s) => s.rows.some((r) => r.verksamhet === verksamhetId)))
    .flatMap((b) => b.columns).find((c) => /^\d{4}$/.test(c));
  const examples = { verksamhet, verksamhetGenitive: genitive(verksamhet), party, group, ...(year ? { year } : {}) };
  if (input.forbund !== undefined) {
    const byForbund = cache.get(input.forbund) ?? new Map<string, HelpExamples>();
    byForbund.set(forbund, examples);
    cache.set(input.forbund, byForbund);
  }
  return examples;
}
