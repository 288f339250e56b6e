import type { AgreementData } from '../../data/load.js';
import type { Benefit, Loaded } from '../../data/schema.js';
import { defaultForbund, forbundOfMunicipality } from '../forbund.js';
import { sectionHead } from '../sources.js';
import { normalize } from '../text.js';
import { isSettled, knownBenefits, type CaseFacts, type FactKey } from './facts.js';
import { ageRange, checkFit, exclusionFor, type FitResult, type Line } from './fit.js';
import { BENEFIT_LABELS, benefitList, joinSv, referrerShort } from './labels.js';

/**
 * The aktualiseringscheck's rules engine (issue 5). Pure: case facts + curated data in, a
 * structured answer out. The rules are the records of data/<förbund>/individprocesser.json,
 * paths.json and processRules.json (Överenskommelse 2023, Bilaga 3 Samordnade individprocesser)
 * and the målgrupp of each verksamhet in verksamheter.json (Vuxentorget 2020 § 4 and 6,
 * Uppdragsavtal Samverkansteam Finnveden § 3). Nothing here guesses: an unknown fact gives a
 * conditional line and a "beror på".
 */

export type AktualiseringData = Pick<AgreementData, 'individprocesser' | 'paths' | 'processRules' | 'verksamheter' | 'contacts' | 'parties' | 'forbund' | 'defaultForbund'>;

export type { FitCheck, FitResult, Line } from './fit.js';

export type ConsentStatus = 'given' | 'missing' | 'unknown';

export interface AktualiseringResult {
  forbund: string;
  /** One sentence with the short answer (who to förankra with, or what it depends on). */
  summary: string;
  consent: Line & { status: ConsentStatus };
  /** With whom to förankra / stämma av, and why (one line per rule that applies or may apply). */
  forankring: Line[];
  /** Paths open after förankring. */
  paths: Line[];
  /** How the process goes for this referring party (aktualisering and kartläggning steps of Bilaga 3). */
  process: Line[];
  /** Other process facts worth knowing (unclear flows, development areas, KAA limits, follow-up). */
  notes: Line[];
  fit?: FitResult;
  /** What the answer depends on that is not known ("Beror på …"). */
  dependsOn: Line[];
  /** Facts that would sharpen the answer, in the order a dialog should ask for them. */
  missing: FactKey[];
  /** The missing facts only the målgrupp check needs (age, home, exclusions): a förankring question is answered without them. */
  fitOnly: FactKey[];
  /** Whether the referrer must förankra or stämma av before aktualisering: decided, or depending on a fact not known. */
  forankringNeeded: 'yes' | 'no' | 'depends';
  /** Whom the rules that apply say to consult: party ids and home-municipality unit ids of data/. */
  consulted: string[];
  /** The ids of the paths open after förankring. */
  pathIds: string[];
}

type Process = Loaded<'individprocesser'>;
type Rule = Process['forankring'][number];
type Consult = Rule['consult'][number];

/**
 * The förbund a case belongs to. A case is built over several turns, so it is decided from the
 * case facts rather than one question: stated, else the verksamhet's, else the home
 * municipality's, else the deployment's default förbund (src/domain/forbund.ts).
 */
export function caseForbund(facts: CaseFacts, data: AktualiseringData): string {
  if (facts.forbund !== undefined) return facts.forbund;
  const v = facts.verksamhet !== undefined ? data.verksamheter.find((x) => x.id === facts.verksamhet) : undefined;
  if (v !== undefined) return v.forbund;
  const byPlace = facts.municipality !== undefined ? forbundOfMunicipality(data, facts.municipality) : undefined;
  return byPlace ?? defaultForbund(data);
}

/** Does the rule apply to these benefits: true, false, or undefined when the benefits are unknown. */
function ruleApplies(rule: Rule, benefits: Benefit[] | undefined, lacks: readonly Benefit[] = []): boolean | undefined {
  if (rule.benefits.length === 0) return true;
  // "Varken sjukpenning eller aktivitetsersättning": a rule for those benefits only does not apply.
  if (benefits === undefined) return rule.benefits.every((b) => lacks.includes(b)) ? false : undefined;
  return rule.benefits.some((b) => benefits.includes(b) || (b.startsWith('sjukersattning') && benefits.includes('sjukersattning')));
}

function kommunParty(data: AktualiseringData, forbund: string, municipality: string | undefined): Loaded<'parties'> | undefined {
  if (municipality === undefined) return undefined;
  const key = normalize(municipality);
  return data.parties.find((p) => p.forbund === forbund && p.kind === 'kommun'
    && [p.name, ...p.aliases].some((n) => normalize(n).startsWith(key)));
}

/** Word stems (7 letters) of the significant words of a text, for matching a contact's scope to a rule. */
function stems(text: string): Set<string> {
  return new Set(normalize(text).split(' ').filter((w) => w.length >= 5).map((w) => w.slice(0, 7)));
}

/**
 * The contact in contacts.json that fits a consult target: same party (and unit), and a scope that
 * shares at least two significant words with the rule (so the Arbetsförmedlingen mailbox "för
 * avstämning med socialtjänsterna" shows for socialtjänsten's avstämning, not for etablering).
 */
function contactFor(data: AktualiseringData, forbund: string, party: string | undefined, unit: string | undefined, context: string): Line | undefined {
  if (party === undefined) return undefined;
  const wanted = stems(context);
  const scored = data.contacts
    .filter((c) => c.forbund === forbund && c.party === party && (unit === undefined || c.unit === unit))
    .map((c) => ({ c, score: [...stems(`${c.role} ${c.scope}`)].filter((w) => wanted.has(w)).length }))
    .filter((x) => x.score >= 2)
    .sort((x, y) => y.score - x.score);
  const best = scored[0]?.c;
  if (best === undefined) return undefined;
  const reach = [best.phone, best.email, best.how].filter((x): x is string => x !== undefined).join(' ');
  return { text: `${best.role} – ${best.scope}${reach !== '' ? `. ${reach}` : ''}`, sources: [best.source] };
}

function consultText(c: Consult, facts: CaseFacts, data: AktualiseringData, forbund: string, context = ''): { text: string; contact?: Line } {
  if (c.homeMunicipalityUnit !== undefined) {
    const kommun = kommunParty(data, forbund, facts.municipality);
    const role = c.role ?? c.homeMunicipalityUnit;
    const where = facts.municipality !== undefined ? ` i ${facts.municipality}` : ' i personens hemkommun';
    return { text: `${role}${where}`, contact: contactFor(data, forbund, kommun?.id, c.homeMunicipalityUnit, context) };
  }
  const party = data.parties.find((p) => p.forbund === forbund && p.id === c.party);
  const unit = party?.units.find((u) => u.id === c.unit);
  const text = c.role ?? unit?.name ?? party?.name ?? c.party ?? '';
  return { text, contact: contactFor(data, forbund, c.party, c.unit, context) };
}

function pathName(data: AktualiseringData, forbund: string, id: string): string {
  return data.paths.find((p) => p.forbund === forbund && p.id === id)?.name ?? id;
}

/** One rule as a sentence: "<prefix>förankra först med X innan aktualisering – why." */
function ruleLine(rule: Rule, process: Process, facts: CaseFacts, data: AktualiseringData, forbund: string, prefix: string): Line[] {
  const context = `${process.title} ${rule.kind === 'avstamning' ? 'avstämning' : 'förankring'} ${rule.why} ${rule.condition ?? ''}`;
  const consults = rule.consult.map((c) => consultText(c, facts, data, forbund, `${context} ${c.role ?? ''}`));
  const whom = joinSv(consults.map((c) => c.text));
  const who = referrerShort(data, process.referringParty);
  const condition = rule.condition !== undefined ? `${rule.condition[0]?.toUpperCase() ?? ''}${rule.condition.slice(1)}: ` : '';
  const verb = rule.kind === 'forankring'
    ? `${who} ska först förankra med ${whom} innan aktualisering sker – ${rule.why}.`
    : `${who} stämmer av med ${whom} – ${rule.why}.`;
  const paths = rule.paths.length > 0 ? ` Därefter: ${joinSv(rule.paths.map((p) => pathName(data, forbund, p)), 'eller')}.` : '';
  const lines: Line[] = [{ text: `${prefix}${condition}${verb}${paths}`, sources: [rule.source] }];
  for (const c of consults) if (c.contact) lines.push({ text: `Kontakt: ${c.contact.text}`, sources: c.contact.sources });
  return lines;
}

function benefitPrefix(rule: Rule, applies: boolean | undefined, benefits: Benefit[] | undefined): string {
  if (rule.benefits.length === 0) return '';
  if (applies === undefined) return `Om personen har ${benefitList(rule.benefits)}: `;
  const matched = rule.benefits.filter((b) => benefits?.includes(b));
  return `Personen har ${benefitList(matched.length > 0 ? matched : rule.benefits, 'och')}: `;
}

function pathLine(data: AktualiseringData, forbund: string, id: string): Line | undefined {
  const p = data.paths.find((x) => x.forbund === forbund && x.id === id);
  return p && { text: `${p.name}: ${p.description}`, sources: [p.source] };
}

function consentLine(facts: CaseFacts, data: AktualiseringData, forbund: string): AktualiseringResult['consent'] {
  const rule = data.processRules.find((r) => r.forbund === forbund && r.topic === 'samtycke');
  const sources = rule ? [rule.source] : [];
  if (rule === undefined) {
    return { status: facts.consent === true ? 'given' : facts.consent === false ? 'missing' : 'unknown', text: 'Samtycke: avtalet för den här verksamheten säger inget om samtycke – följ er egen rutin innan uppgifter om personen delas.', sources };
  }
  if (facts.consent === true) return { status: 'given', text: 'Samtycke finns – parterna får utbyta uppgifter om förmågor, förutsättningar, hindrande omständigheter och lösningar.', sources };
  if (facts.consent === false) {
    return { status: 'missing', text: 'Samtycke saknas: utan samtycke får inga uppgifter om personen delas – varken vid förankring, kartläggning eller aktualisering. Inhämta samtycke först.', sources };
  }
  return { status: 'unknown', text: 'Först samtycke: all samverkan bygger på att individen har lämnat samtycke till att parterna utbyter uppgifter – utan samtycke får ingenting delas.', sources };
}

/** The general förankring rules of every referring party, for when the party is not yet known. */
function overview(processes: readonly Process[], data: AktualiseringData, forbund: string, facts: CaseFacts): Line[] {
  const benefits = knownBenefits(facts);
  return processes.map((p) => {
    const who = referrerShort(data, p.referringParty);
    const rules = p.forankring.filter((r) => ruleApplies(r, benefits) !== false);
    if (rules.length === 0) {
      const ways = joinSv(p.paths.slice(0, 2).map((id) => pathName(data, forbund, id)), 'eller');
      return { text: `${who}: ${sectionHead(p.source)} anger ingen särskild förankring – vägar: ${ways}.`, sources: [p.source] };
    }
    const parts = rules.map((r) => {
      const whom = joinSv(r.consult.map((c) => consultText(c, facts, data, forbund).text));
      const when = r.benefits.length > 0 ? `vid ${benefitList(r.benefits)} ` : r.condition !== undefined ? `${r.condition} ` : '';
      return `${when}${r.kind === 'forankring' ? 'förankra med' : 'stäm av med'} ${whom}`;
    });
    return { text: `${who}: ${parts.join('; ')}.`, sources: rules.map((r) => r.source) };
  });
}

/**
 * The aktualiseringscheck for a case: samtycke first, then förankring (with whom, why, contact),
 * paths, target-group fit and what the answer depends on, each line with its source.
 * Rules: Överenskommelse 2023, Bilaga 3 Samordnade individprocesser (per referring party).
 * `today` (ISO day) keeps ended verksamheter (e.g. Steget vidare 2014–2016) out of the alternatives.
 */
export function evaluate(facts: CaseFacts, data: AktualiseringData, today?: string): AktualiseringResult {
  const forbund = caseForbund(facts, data);
  const processes = data.individprocesser.filter((p) => p.forbund === forbund);
  const benefits = knownBenefits(facts);
  const result: AktualiseringResult = {
    forbund, summary: '', consent: consentLine(facts, data, forbund), forankring: [], paths: [], process: [], notes: [], dependsOn: [], missing: [], fitOnly: [],
    forankringNeeded: 'depends', consulted: [], pathIds: [],
  };
  const lacks = facts.lacks ?? [];
  const needs = new Set<FactKey>();

  const process = processes.find((p) => p.referringParty === facts.referringParty);
  if (processes.length === 0) {
    const names = data.forbund.find((f) => f.id === forbund)?.name ?? forbund;
    result.forankring.push({ text: `Avtalen för ${names} beskriver ingen förankring före aktualisering – se målgruppen nedan.`, sources: [] });
    result.summary = `Kort svar: avtalen för ${names} anger ingen förankring; det som avgör är målgruppen.`;
  } else if (process === undefined) {
    result.summary = 'Kort svar: det beror på vem som aktualiserar – reglerna per part:';
    result.forankring.push(...overview(processes, data, forbund, facts));
    result.dependsOn.push({ text: `vem som aktualiserar (${joinSv(processes.map((p) => referrerShort(data, p.referringParty)), 'eller')})`, sources: [] });
    needs.add('referringParty');
  } else {
    const pathIds = new Set<string>();
    const definite: string[] = [];
    let benefitDependent = false;
    let conditional = false;
    for (const rule of process.forankring) {
      const applies = ruleApplies(rule, benefits, lacks);
      if (applies === false) continue;
      // A condition the user stated decides the rule: it holds (no "beror på") or it does not (the rule is left out).
      const stated = rule.condition === undefined ? undefined : facts.conditions?.[rule.condition];
      if (stated === false) continue;
      const open = rule.condition !== undefined && stated !== true;
      if (applies === undefined) benefitDependent = true;
      if (applies === undefined || open) conditional = true;
      else {
        definite.push(`${rule.kind === 'forankring' ? 'förankra med' : 'stämma av med'} ${joinSv(rule.consult.map((c) => consultText(c, facts, data, forbund).text))}`);
        result.consulted.push(...rule.consult.map((c) => c.homeMunicipalityUnit ?? c.party ?? '').filter((id) => id !== ''));
      }
      result.forankring.push(...ruleLine(rule, process, facts, data, forbund, benefitPrefix(rule, applies, benefits)));
      rule.paths.forEach((p) => pathIds.add(p));
      if (open && rule.condition !== undefined) result.dependsOn.push({ text: rule.condition, sources: [rule.source] });
    }
    // Etableringsersättning: the person is in the etableringsprogram, whose own samverkan applies too.
    if (process.referringParty !== 'etableringsprogrammet' && benefits?.includes('etableringsersattning')) {
      const etab = processes.find((p) => p.referringParty === 'etableringsprogrammet');
      for (const rule of etab?.forankring ?? []) {
        if (ruleApplies(rule, benefits) !== true || etab === undefined) continue;
        definite.push(`stämma av med ${joinSv(rule.consult.map((c) => consultText(c, facts, data, forbund).text))} (etableringsprogrammet)`);
        result.forankring.push(...ruleLine(rule, etab, facts, data, forbund, 'Personen har etableringsersättning (etableringsprogrammet): '));
        rule.paths.forEach((p) => pathIds.add(p));
      }
    }
    if (result.forankring.length === 0) {
      const none = benefits !== undefined && benefits.every((b) => b === 'ingen');
      const what = none ? ' när personen inte har någon ersättning' : benefits !== undefined ? ` när personen har ${benefitList(benefits, 'och')}`
        : lacks.length > 0 ? ` när personen varken har ${benefitList(lacks)}` : '';
      result.forankring.push({ text: `${sectionHead(process.source)} anger ingen förankring för ${referrerShort(data, process.referringParty)}${what} innan aktualisering.`, sources: [process.source] });
    }
    // Only an unconditional rule narrows the paths; otherwise every path of the process stays open.
    if (pathIds.size === 0 || conditional) process.paths.forEach((p) => pathIds.add(p));
    const who = referrerShort(data, process.referringParty);
    const ways = joinSv([...pathIds].slice(0, 3).map((id) => pathName(data, forbund, id).replace(/^Aktualisering direkt/, 'direkt')), 'eller');
    result.forankringNeeded = definite.length > 0 ? 'yes' : benefitDependent || conditional ? 'depends' : 'no';
    if (definite.length > 0) result.summary = `Kort svar: ${who} ska ${joinSv(definite)} innan aktualisering; därefter ${ways}.`;
    else if (benefitDependent) result.summary = `Kort svar: för ${who} beror förankringen på vilken ersättning personen har (se nedan).`;
    else if (conditional) result.summary = `Kort svar: för ${who} beror det på ${result.dependsOn[0]?.text ?? 'omständigheterna'} (se nedan).`;
    else result.summary = `Kort svar: ${sectionHead(process.source)} anger ingen förankring för ${who} innan aktualisering; vägar: ${ways}.`;
    // Benefits the person lacks settle the rules that need only them: what is left to know is whether a rule still depends on one.
    const benefitsOpen = benefitDependent || (!isSettled(facts, 'benefits') && process.forankring.some((r) => ruleApplies(r, benefits, lacks) === undefined));
    if (process.forankring.some((r) => r.benefits.length > 0) && benefitsOpen) {
      if (benefits === undefined) {
        result.dependsOn.push({ text: `vilken ersättning personen har (${joinSv([...new Set(process.forankring.flatMap((r) => r.benefits))].map((b) => BENEFIT_LABELS[b]), 'eller')} eller annat)`, sources: [process.source] });
        needs.add('benefits');
      }
    }
    // The paths the rules open (a verksamhet's own beredning, added below, is where it bereds, not a path the rules choose).
    result.pathIds = [...pathIds];
    // A named verksamhet with its own beredning (Vuxentorget, 000 § 7) adds that path.
    for (const p of data.paths) if (p.forbund === forbund && p.verksamhet !== undefined && p.verksamhet === facts.verksamhet) pathIds.add(p.id);
    for (const id of pathIds) {
      const line = pathLine(data, forbund, id);
      if (line) result.paths.push(line);
    }
    if (process.whoRefers !== undefined) result.process.push({ text: process.whoRefers, sources: [process.source] });
    for (const step of process.steps) {
      const relevant = step.benefits.length === 0 || benefits === undefined || step.benefits.some((b) => benefits.includes(b));
      if (relevant && (step.kind === 'aktualisering' || step.kind === 'kartlaggning')) result.process.push({ text: step.text, sources: [step.source] });
      if (relevant && (step.kind === 'oklart' || step.kind === 'utveckling' || (step.kind === 'avslut' && process.forankring.length === 0))) {
        result.notes.push({ text: step.text, sources: [step.source] });
      }
    }
    if (process.eligibility !== undefined) {
      const e = process.eligibility;
      const range = ageRange(e.ageMin, e.ageMax);
      const ageText = facts.age === undefined ? '' : (e.ageMin === undefined || facts.age >= e.ageMin) && (e.ageMax === undefined || facts.age <= e.ageMax)
        ? ` Personen (${facts.age} år) ryms i åldersgränsen.` : ` Personen (${facts.age} år) ryms inte i åldersgränsen ${range}.`;
      result.process.unshift({ text: `Målgrupp: ${e.description}${ageText}`, sources: [e.source] });
    }
    if (process.followUp !== undefined) result.notes.push({ text: process.followUp, sources: [process.source] });
  }

  if (facts.verksamhet !== undefined) {
    const fit = checkFit(facts, data, facts.verksamhet, today);
    if (fit) result.fit = fit;
    // A "no" is final: asking for more facts would not change it.
    if (fit && fit.verdict !== 'nej') {
      const fitNeeds = (key: FactKey) => { if (!needs.has(key)) { needs.add(key); result.fitOnly.push(key); } };
      if (fit.checks.some((c) => c.ok === undefined && c.text.startsWith('Ålder')) && !isSettled(facts, 'age')) fitNeeds('age');
      if (fit.checks.some((c) => c.ok === undefined && c.text.startsWith('Bosättning')) && !isSettled(facts, 'municipality')) fitNeeds('municipality');
      for (const g of data.verksamheter.find((v) => v.id === fit.verksamhetId)?.malgrupp ?? []) {
        for (const text of g.exclusions) {
          const ex = exclusionFor(text);
          if (ex && ex.test(facts) === undefined && !isSettled(facts, ex.fact)) fitNeeds(ex.fact);
        }
      }
      for (const c of fit.checks) if (c.ok === undefined) result.dependsOn.push({ text: c.depends ?? c.text, sources: c.sources });
    }
  }
  if (!isSettled(facts, 'consent')) needs.add('consent');
  if (facts.consent === false && result.summary !== '') result.summary = result.summary.replace(/^Kort svar: /, 'Kort svar: först samtycke – sedan gäller: ');

  const order: FactKey[] = ['referringParty', 'benefits', 'age', 'municipality', 'substanceAbuse', 'obstacles', 'consent'];
  result.missing = order.filter((k) => needs.has(k));
  return result;
}
