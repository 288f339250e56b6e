import { figureValue, type Figure, type KindName, type Loaded } from './schema.js';
import type { AgreementData } from './load.js';

type Ref = { kind: KindName; id: string | undefined; path: string };
type UnitRef = { party: string | undefined; unit: string | undefined; path: string };

/** The references each kind makes to other records, as JSON paths for the error message. */
function refsOf(kind: KindName, r: Loaded<KindName>): { refs: Ref[]; units: UnitRef[] } {
  const refs: Ref[] = [];
  const units: UnitRef[] = [];
  const ref = (k: KindName, id: string | undefined, p: string) => refs.push({ kind: k, id, path: p });
  const unit = (party: string | undefined, u: string | undefined, p: string) => units.push({ party, unit: u, path: p });
  switch (kind) {
    case 'forbund': {
      const f = r as Loaded<'forbund'>;
      f.members.forEach((m, i) => ref('parties', m, `members[${i}]`));
      f.preferredParties.forEach((m, i) => ref('parties', m, `preferredParties[${i}]`));
      break;
    }
    case 'organs': {
      const o = r as Loaded<'organs'>;
      ref('verksamheter', o.verksamhet, 'verksamhet');
      o.representation.forEach((x, i) => { ref('parties', x.party, `representation[${i}].party`); unit(x.party, x.unit, `representation[${i}].unit`); });
      break;
    }
    case 'verksamheter': {
      const v = r as Loaded<'verksamheter'>;
      ref('verksamheter', v.partOf, 'partOf');
      v.parties.forEach((p, i) => ref('parties', p, `parties[${i}]`));
      v.organs.forEach((o, i) => ref('organs', o, `organs[${i}]`));
      v.staffing.forEach((s, i) => { ref('parties', s.party, `staffing[${i}].party`); unit(s.party, s.unit, `staffing[${i}].unit`); });
      break;
    }
    case 'agreements': {
      const a = r as Loaded<'agreements'>;
      ref('forbund', a.forbund, 'forbund');
      a.parties.forEach((p, i) => ref('parties', p, `parties[${i}]`));
      a.verksamheter.forEach((v, i) => ref('verksamheter', v, `verksamheter[${i}]`));
      a.signatories.forEach((s, i) => ref('parties', s.party, `signatories[${i}].party`));
      a.participants?.forEach((x, i) => ref('parties', x.party, `participants[${i}].party`));
      break;
    }
    case 'commitments': {
      const c = r as Loaded<'commitments'>;
      ref('parties', c.party, 'party');
      unit(c.party, c.unit, 'unit');
      ref('agreements', c.agreement, 'agreement');
      ref('verksamheter', c.verksamhet, 'verksamhet');
      break;
    }
    case 'contacts': {
      const c = r as Loaded<'contacts'>;
      ref('parties', c.party, 'party');
      unit(c.party, c.unit, 'unit');
      ref('verksamheter', c.verksamhet, 'verksamhet');
      break;
    }
    case 'initiativ':
      (r as Loaded<'initiativ'>).parties.forEach((p, i) => ref('parties', p, `parties[${i}]`));
      break;
    case 'decisions':
      ref('organs', (r as Loaded<'decisions'>).organ, 'organ');
      break;
    case 'budgets': {
      const b = r as Loaded<'budgets'>;
      ref('verksamheter', b.verksamhet, 'verksamhet');
      b.sections.forEach((s, i) => s.rows.forEach((row, j) => {
        ref('parties', row.party, `sections[${i}].rows[${j}].party`);
        ref('verksamheter', row.verksamhet, `sections[${i}].rows[${j}].verksamhet`);
      }));
      break;
    }
    case 'calendarEvents':
    case 'calendarRules': {
      const e = r as Loaded<'calendarEvents'> | Loaded<'calendarRules'>;
      ref('organs', e.organ, 'organ');
      ref('verksamheter', e.verksamhet, 'verksamhet');
      break;
    }
    case 'individprocesser': {
      const p = r as Loaded<'individprocesser'>;
      p.paths.forEach((x, i) => ref('paths', x, `paths[${i}]`));
      p.forankring.forEach((f, i) => {
        f.consult.forEach((c, j) => { ref('parties', c.party, `forankring[${i}].consult[${j}].party`); unit(c.party, c.unit, `forankring[${i}].consult[${j}].unit`); });
        f.paths.forEach((x, j) => ref('paths', x, `forankring[${i}].paths[${j}]`));
      });
      break;
    }
    case 'paths': {
      const p = r as Loaded<'paths'>;
      p.participants.forEach((x, i) => ref('parties', x, `participants[${i}]`));
      ref('verksamheter', p.verksamhet, 'verksamhet');
      break;
    }
    default:
      break;
  }
  return { refs, units };
}

/** Figures are exact as printed (staffing tables have quarters), so sums must match exactly up to float error. */
const EPS = 0.001;

function sumCheck(label: string, values: (number | null)[][], stated: Figure[] | undefined, columns: string[], problems: string[]): number[] {
  const sums = columns.map((_, c) => values.reduce((acc, row) => acc + (row[c] ?? 0), 0));
  stated?.forEach((f, c) => {
    const v = figureValue(f);
    if (v !== null && Math.abs(v - (sums[c] ?? 0)) > EPS) problems.push(`${label} kolumn ${columns[c]}: raderna summerar till ${sums[c]}, angiven summa ${v}`);
  });
  return sums;
}

/**
 * Budget arithmetic (DESIGN.md, Data: "every misread number is reconciled from the document's own sums"):
 * rows add up to each stated section sum, a stated row total equals its values, a section's grand total
 * equals all its values, the cost sections add up to the stated cost total, result = income − costs
 * (costs printed negative are added) and equity carries over: opening + result = closing, and each
 * year's opening equals the previous year's closing. Every figure is checked by its chosen `value`.
 */
export function checkBudget(b: Loaded<'budgets'>): string[] {
  const problems: string[] = [];
  const where = `${b.origin.file}: budget ${b.id}`;
  const n = b.columns.length;
  const sectionSums = new Map<string, number[]>();
  for (const s of b.sections) {
    s.rows.forEach((row) => {
      if (row.values.length !== n) problems.push(`${where}: raden ${row.id} har ${row.values.length} värden men ${n} kolumner`);
      const total = row.total === undefined ? null : figureValue(row.total);
      const sum = row.values.reduce<number>((acc, f) => acc + (figureValue(f) ?? 0), 0);
      if (total !== null && Math.abs(total - sum) > EPS) problems.push(`${where}: raden ${row.id}: värdena summerar till ${sum}, angiven radsumma ${total}`);
    });
    if (s.sum && s.sum.length !== n) problems.push(`${where}: summan i ${s.id} har ${s.sum.length} värden men ${n} kolumner`);
    const sums = sumCheck(`${where}: ${s.id}`, s.rows.map((row) => row.values.map(figureValue)), s.sum, b.columns, problems);
    const grand = s.grandTotal === undefined ? null : figureValue(s.grandTotal);
    const all = sums.reduce((a, x) => a + x, 0);
    if (grand !== null && Math.abs(grand - all) > EPS) problems.push(`${where}: ${s.id}: alla värden summerar till ${all}, angiven totalsumma ${grand}`);
    sectionSums.set(s.id, s.sum ? s.sum.map((f, i) => figureValue(f) ?? sums[i] ?? 0) : sums);
  }
  const total = (kind: 'income' | 'cost') => b.columns.map((_, c) =>
    b.sections.filter((s) => s.kind === kind).reduce((acc, s) => acc + (sectionSums.get(s.id)?.[c] ?? 0), 0));
  const income = total('income');
  const cost = total('cost');
  b.costTotal?.forEach((f, c) => {
    const v = figureValue(f);
    if (v !== null && Math.abs(v - (cost[c] ?? 0)) > EPS) problems.push(`${where}: kostnader totalt ${b.columns[c]} är ${v} men kostnadsavsnitten summerar till ${cost[c]}`);
  });
  const costs = b.costTotal ? b.costTotal.map((f, c) => figureValue(f) ?? cost[c] ?? 0) : cost;
  if (b.result) {
    b.result.forEach((f, c) => {
      const v = figureValue(f);
      const expected = b.costSign === 'negative' ? (income[c] ?? 0) + (costs[c] ?? 0) : (income[c] ?? 0) - (costs[c] ?? 0);
      if (v !== null && Math.abs(v - expected) > EPS) problems.push(`${where}: resultat ${b.columns[c]} är ${v} men intäkter − kostnader = ${expected}`);
    });
  }
  if (b.equity) {
    const closing = b.equity.closing.map(figureValue);
    const opening = b.equity.opening?.map(figureValue);
    const result = b.result?.map(figureValue);
    closing.forEach((cl, c) => {
      const op = opening?.[c] ?? (c > 0 ? closing[c - 1] : null);
      const res = result?.[c];
      if (cl !== null && op !== null && op !== undefined && res !== null && res !== undefined && Math.abs(op + res - cl) > EPS) {
        problems.push(`${where}: eget kapital ${b.columns[c]}: ingående ${op} + resultat ${res} ≠ utgående ${cl}`);
      }
      if (opening && c > 0) {
        const prevClose = closing[c - 1];
        const thisOpen = opening[c];
        if (prevClose !== null && prevClose !== undefined && thisOpen !== null && thisOpen !== undefined && Math.abs(prevClose - thisOpen) > EPS) {
          problems.push(`${where}: eget kapital förs inte över: utgående ${b.columns[c - 1]} ${prevClose} ≠ ingående ${b.columns[c]} ${thisOpen}`);
        }
      }
    });
  }
  return problems;
}

/**
 * Checks across files: unique ids per kind and förbund, every referenced id (and unit) exists in the
 * same förbund, every source document is listed in documents.json, every budget adds up.
 */
export function crossCheck(data: AgreementData): string[] {
  const problems: string[] = [];
  const kinds = Object.keys(data).filter((k) => Array.isArray((data as Record<string, unknown>)[k]) && k !== 'documents') as KindName[];
  const ids = new Map<string, Set<string>>();
  const key = (forbund: string, kind: string) => `${forbund}/${kind}`;
  for (const kind of kinds) {
    for (const r of data[kind] as Loaded<KindName>[]) {
      const k = key(r.forbund, kind);
      const set = ids.get(k) ?? new Set<string>();
      if (set.has(r.id)) problems.push(`${r.origin.file}: $[${r.origin.index}].id: "${r.id}" finns redan bland ${kind} i ${r.forbund}`);
      set.add(r.id);
      ids.set(k, set);
    }
  }
  const unitsByParty = new Map<string, Set<string>>();
  for (const p of data.parties) unitsByParty.set(`${p.forbund}/${p.id}`, new Set(p.units.map((u) => u.id)));
  const listedDocs = new Set(data.documents.map((d) => d.doc));

  for (const kind of kinds) {
    for (const r of data[kind] as Loaded<KindName>[]) {
      const at = (p: string) => `${r.origin.file}: $[${r.origin.index}].${p}`;
      if (!listedDocs.has(r.source.doc)) problems.push(`${at('source.doc')}: ${r.source.doc} saknas i data/documents.json`);
      const { refs, units } = refsOf(kind, r);
      for (const ref of refs) {
        if (ref.id === undefined) continue;
        if (!ids.get(key(r.forbund, ref.kind))?.has(ref.id)) problems.push(`${at(ref.path)}: "${ref.id}" finns inte bland ${ref.kind} i ${r.forbund}`);
      }
      for (const u of units) {
        if (u.unit === undefined) continue;
        if (u.party === undefined) { problems.push(`${at(u.path)}: enhet "${u.unit}" utan part`); continue; }
        if (!unitsByParty.get(`${r.forbund}/${u.party}`)?.has(u.unit)) problems.push(`${at(u.path)}: enheten "${u.unit}" finns inte hos ${u.party}`);
      }
    }
  }
  for (const b of data.budgets) problems.push(...checkBudget(b));
  for (const v of data.verksamheter) {
    const seen = new Set([v.id]);
    let at = v.partOf;
    while (at !== undefined) {
      if (seen.has(at)) { problems.push(`${v.origin.file}: $[${v.origin.index}].partOf: "${v.id}" ingår i sig själv (${[...seen, at].join(' → ')})`); break; }
      seen.add(at);
      const current = at;
      at = data.verksamheter.find((x) => x.forbund === v.forbund && x.id === current)?.partOf;
    }
  }
  const defaults = data.forbund.filter((f) => f.default);
  if (defaults.length > 1) {
    problems.push(`${defaults.map((f) => `${f.origin.file}: $[${f.origin.index}].default`).join(', ')}: högst ett förbund får vara standardförbund (default: true)`);
  }
  return problems;
}
