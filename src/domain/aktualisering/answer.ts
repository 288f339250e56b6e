import type { Choice, Fact, Reply, SourceRef } from '../../core/reply.js';
import { entityTokens } from '../entities.js';
import { questionClause } from '../../understanding/form.js';
import { ruleHolds, type EvidenceInput } from '../../understanding/cues.js';
import type { Understanding } from '../../understanding/understand.js';
import { INTENT_RULES } from './cues.js';
import { aktualiseringEvidence } from './recognize.js';
import { hasTerm, stemsOf } from '../routing/evidence.js';
import type { DocumentInfo, Source } from '../../data/schema.js';
import { normalize } from '../text.js';
import { evaluate, caseForbund, type AktualiseringData, type AktualiseringResult, type FitResult, type Line } from './engine.js';
import type { CaseFacts, FactKey } from './facts.js';
import { BENEFIT_LABELS, joinSv, referrerLabel, referrerShort, referringParties } from './labels.js';
import { verksamhetScope, type ScopeData } from './scope.js';
import { caseVerdict } from './caseVerdict.js';
import { verdictOf } from '../routing/verdict.js';
import { fitHeadline, fitVerdictLine } from './fitVerdict.js';

/**
 * Turns the engine's result into the channel-neutral Reply (DESIGN.md: short first, details
 * after, every fact with its source) and chooses the one question to ask next.
 */

export type AnswerData = AktualiseringData & ScopeData & { documents: readonly DocumentInfo[]; paths: AktualiseringData['paths'] };

/** What the user is after. Only `forankring` and `fit` continue with questions. */
export type AktIntent = 'forankring' | 'fit' | 'samtycke' | 'avslut' | 'uppfoljning' | 'arendebarare' | 'path';

/**
 * The intent of an opening question, from the feature's evidence table (cues.ts `INTENT_RULES`,
 * in order) and the facts it holds: a process question without a case of its own gets the
 * process's rules; a question about a person's fit with a verksamhet or an age is `fit`; a
 * question describing one of data/'s paths by name is `path`; the rest is förankring.
 */
export function detectIntent(u: Pick<Understanding, 'text' | 'query' | 'form'>, facts: Partial<CaseFacts>, data: Pick<AnswerData, 'paths'>): { intent: AktIntent; pathId?: string } {
  const caseFacts = facts.referringParty !== undefined || (facts.benefits !== undefined && facts.benefits.length > 0);
  const signals = { caseFacts, age: facts.age !== undefined, verksamhet: facts.verksamhet !== undefined, referrer: facts.referringParty !== undefined };
  const has = aktualiseringEvidence({ query: u.query, form: u.form, signals });
  const general = INTENT_RULES.find((e) => ruleHolds({ ...e.rule, score: 1 }, has));
  if (general !== undefined) return { intent: general.intent };
  // The question's own clause says what is asked; the sentences before it give the case ("Jag är
  // socialsekreterare … Passar hen in i Vuxentorgets målgrupp?" asks about the målgrupp, not förankring).
  const clause = questionClause(u.text);
  const asked = clause === undefined || clause === u.text ? has : aktualiseringEvidence({ query: clauseQuery(clause), form: u.form, signals });
  if (asked('fitVerb') && !asked('forankringAsk') && (signals.verksamhet || signals.age)) return { intent: 'fit' };
  // A yes/no question about a person with an age or a home and a verksamhet ("kan någon som bor i X
  // aktualiseras till Y?") asks whether the person fits that verksamhet's målgrupp.
  const yesNoAboutPerson = u.form === 'yesno' && signals.verksamhet && (signals.age || facts.municipality !== undefined);
  if ((yesNoAboutPerson || has('fitAsk') || (has('fitModal') && (signals.age || has('person')))) && !signals.referrer && (signals.verksamhet || signals.age || has('malgrupp'))) {
    return { intent: 'fit' };
  }
  if (!caseFacts && has('describe') && !has('forankringAsk')) {
    const pathId = namedPaths(u.query.normalized, data)[0];
    if (pathId !== undefined) return { intent: 'path', pathId };
  }
  // A choice between named paths ("ska hen till arenor för prövning el direkt till beredningen?"):
  // the path whose description holds the case's words ("behoven är oklara") answers it.
  const named = namedPaths(u.query.normalized, data);
  if (named.length >= 2 && has('choice') && !has('forankringAsk')) return { intent: 'path', pathId: fittingPath(u.text, named, data) };
  return { intent: 'forankring' };
}

/** Of the named paths, the one whose description holds most of the question's other words. */
function fittingPath(question: string, named: readonly string[], data: Pick<AnswerData, 'paths'>): string {
  const paths = named.map((id) => data.paths.find((p) => p.id === id)).filter((p) => p !== undefined);
  const nameStems = new Set(paths.flatMap((p) => [...stemsOf([p.name, ...p.aliases].join(' '))]));
  const asked = [...stemsOf(question)].filter((t) => !nameStems.has(t) && t.length >= 4);
  let best = named[0] ?? '';
  let most = 0;
  for (const p of paths) {
    const held = asked.filter((t) => hasTerm(stemsOf(p.description), t)).length;
    if (held > most) {
      most = held;
      best = p.id;
    }
  }
  return best;
}

/** The tokens of a clause of the question, for the table's cue words (entities stay the whole question's). */
function clauseQuery(clause: string): EvidenceInput['query'] {
  const normalized = normalize(clause);
  return { normalized, tokens: entityTokens(normalized), entities: [] };
}

/** The paths of data/ the question names (by name or an alias), the longest-named first. */
export function namedPaths(normalized: string, data: Pick<AnswerData, 'paths'>): string[] {
  const padded = ` ${normalized} `;
  const found = new Map<string, number>();
  for (const p of data.paths) {
    for (const { name, forms } of pathForms(p)) {
      if (forms.some((f) => padded.includes(f))) found.set(p.id, Math.max(found.get(p.id) ?? 0, name.length));
    }
  }
  return [...found].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

const pathFormsCache = new WeakMap<AnswerData['paths'][number], { name: string; forms: string[] }[]>();

/** A path's names (five letters or more) as words of a text, with "-en" or "-s"; once per path record. */
function pathForms(p: AnswerData['paths'][number]): { name: string; forms: string[] }[] {
  let named = pathFormsCache.get(p);
  if (!named) {
    named = [p.name, ...p.aliases].map(normalize).filter((name) => name.length >= 5).map((name) => ({ name, forms: [` ${name} `, ` ${name}en `, ` ${name}s `] }));
    pathFormsCache.set(p, named);
  }
  return named;
}

/** The facts the dialog may ask for with this intent, in asking order. */
export function questionsFor(intent: AktIntent, result: AktualiseringResult): FactKey[] {
  if (intent === 'fit') return result.missing.filter((k) => k !== 'referringParty' && k !== 'consent');
  // Who must be consulted is decided without the målgrupp's facts: the dialog does not ask for them.
  if (intent === 'forankring') return result.missing.filter((k) => !result.fitOnly.includes(k));
  return [];
}

function withTitles(sources: readonly Source[], documents: readonly DocumentInfo[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const s of sources) {
    const key = `${s.doc}|${s.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const d = documents.find((x) => x.doc === s.doc);
    out.push({ doc: s.doc, section: s.section, ...(d ? { title: d.title, date: d.date } : {}) });
  }
  return out;
}

function factsOf(facts: CaseFacts, data: AnswerData): Fact[] {
  const out: Fact[] = [];
  if (facts.referringParty) out.push({ label: 'Aktualiserande part', value: referrerLabel(data, facts.referringParty) });
  if (facts.benefits && facts.benefits.length > 0) out.push({ label: 'Ersättning', value: joinSv(facts.benefits.map((b) => BENEFIT_LABELS[b])) });
  if (facts.age !== undefined) out.push({ label: 'Ålder', value: `${facts.age} år` });
  if (facts.municipality) out.push({ label: 'Hemkommun', value: facts.municipality });
  if (facts.verksamhet) out.push({ label: 'Verksamhet', value: data.verksamheter.find((v) => v.id === facts.verksamhet)?.name ?? facts.verksamhet });
  if (facts.consent !== undefined) out.push({ label: 'Samtycke', value: facts.consent ? 'ja' : 'nej' });
  if (facts.substanceAbuse !== undefined) out.push({ label: 'Aktivt missbruk', value: facts.substanceAbuse ? 'ja' : 'nej' });
  if (facts.obstacles !== undefined) out.push({ label: 'Medicinska/sociala hinder', value: facts.obstacles ? 'ja' : 'nej' });
  return out;
}

function fitLines(fit: FitResult): string[] {
  const lines = fit.checks.map((c) => `• ${c.text}`);
  if (fit.alternatives.length > 0) lines.push(`Målgrupper som kan passa i stället: ${fit.alternatives.map((a) => a.text.replace(/\.$/, '')).join('; ')}.`);
  if (fit.toAssess.length > 0) lines.push(`Att bedöma också: ${fit.toAssess.map((a) => a.text.replace(/\.$/, '')).join('; ')}.`);
  return lines;
}

function fitSources(fit: FitResult): Source[] {
  return [...fit.checks, ...fit.alternatives, ...fit.toAssess].flatMap((l) => l.sources);
}

/** The full answer for a case (intent förankring or fit). */
export function caseReply(
  facts: CaseFacts,
  intent: AktIntent,
  data: AnswerData,
  today?: string,
  /** The dialog already said the consent rule: an unchanged "consent unknown" is not repeated at every step. */
  options: { consentSaid?: boolean; question?: Pick<Understanding, 'form' | 'query' | 'text'> } = {},
): { reply: Reply; result: AktualiseringResult } {
  // "Ingår hen i målgruppen för samverkan?": no verksamhet named is the agreement's own målgrupp (forbund.samverkan in data/).
  const agreementWide = intent === 'fit' && facts.verksamhet === undefined ? data.forbund.find((f) => f.id === caseForbund(facts, data))?.samverkan : undefined;
  if (agreementWide !== undefined) facts = { ...facts, verksamhet: agreementWide };
  const result = evaluate(facts, data, today);
  const sayConsent = !(options.consentSaid === true && result.consent.status === 'unknown');
  const blocks: string[] = [];
  const sources: Source[] = [];
  const add = (title: string, lines: readonly Line[]) => {
    if (lines.length === 0) return;
    blocks.push(lines.length === 1 ? `${title}: ${lines[0]?.text ?? ''}` : `${title}:\n${lines.map((l) => `• ${l.text}`).join('\n')}`);
    for (const l of lines) sources.push(...l.sources);
  };
  // A verksamhet whose period has ended, or that the individprocesser do not lead to, is said first.
  const scope = verksamhetScope(data, result.forbund, facts.verksamhet, today);
  if (scope !== undefined) {
    blocks.push(scope.text);
    sources.push(...scope.sources);
  }
  if (intent === 'fit' && result.fit) {
    // The opening question's person against the målgrupp's groups ("saknar SGI och får försörjningsstöd"): Ja/Nej first.
    const grouped = options.question === undefined ? undefined : fitVerdictLine(options.question.text, result.fit, data);
    if (grouped !== undefined) blocks.unshift(grouped);
    else blocks.push(fitHeadline(result.fit, facts));
    blocks.push(fitLines(result.fit).join('\n'));
    sources.push(...fitSources(result.fit));
  } else {
    // A person the målgrupp rules out ("Nej – 23 år ryms inte i 25–64") is not referred there,
    // whatever the förankring: that verdict is the answer, the rules follow it.
    const ruledOut = result.fit?.verdict === 'nej' ? result.fit : undefined;
    if (ruledOut !== undefined) {
      blocks.push(`${fitHeadline(ruledOut, facts)}\n${fitLines(ruledOut).join('\n')}`);
      sources.push(...fitSources(ruledOut));
    }
    // Answer first: the short answer is the headline and the consent rule follows it — unless
    // consent is missing, which is itself the answer (nothing may be shared).
    const consentFirst = result.consent.status === 'missing' || result.summary === '';
    if (consentFirst && sayConsent) blocks.push(result.consent.text);
    // A yes/no question the rules decide ("måste jag förankra med FK?") is answered "Ja"/"Nej" first.
    const verdict = options.question === undefined || consentFirst ? undefined : caseVerdict(options.question, result, data);
    if (verdict !== undefined) blocks.unshift(`${verdict} – ${headlineOf(result.summary)}`);
    else if (result.summary !== '') blocks.push(headlineOf(result.summary));
    if (!consentFirst && sayConsent) blocks.push(result.consent.text);
    sources.push(...result.consent.sources);
    add('Förankring', result.forankring);
    add('Så går det till', result.process);
    add('Väg', result.paths);
    if (result.fit && ruledOut === undefined) {
      blocks.push(`Målgrupp – ${fitHeadline(result.fit, facts)}\n${fitLines(result.fit).join('\n')}`);
      sources.push(...fitSources(result.fit));
    }
    add('Bra att veta', result.notes);
  }
  const depends = result.dependsOn.filter((d) => intent !== 'fit' || !/aktualiserar|ersättning personen har/.test(d.text));
  if (depends.length > 0) blocks.push(`Beror på: ${depends.map((d) => d.text.replace(/\.$/, '')).join('; ')}.`);
  // A yes/no question the rules did not decide may be decided by the opening sentence itself, as any answer's
  // ("… utan att gå via AF?" against "alla deltagare aktualiseras via …"): also on a dialog's first step.
  const [opening = ''] = blocks;
  const said = options.question?.form === 'yesno' && !/^(?:Ja|Nej|Stämmer)\b/u.test(opening) ? verdictOf(options.question.text, opening) : undefined;
  if (said !== undefined) blocks[0] = `${said} – ${opening}`;
  return {
    reply: { text: blocks.join('\n\n'), facts: factsOf(facts, data), sources: withTitles(sources, data.documents) },
    result,
  };
}

/** "Kort svar: regionen ska …" as the reply's first sentence: "Regionen ska …". */
function headlineOf(summary: string): string {
  const s = summary.replace(/^Kort svar:\s*/u, '');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/** The question (text and choices) for one missing fact. */
export function questionFor(key: FactKey, facts: CaseFacts, data: AnswerData, result: AktualiseringResult): { text: string; choices: Choice[] } {
  const dontKnow: Choice = { label: 'Vet inte', value: 'vet inte' };
  switch (key) {
    case 'referringParty':
      return {
        text: 'Vem aktualiserar – vilken part kommer du från?',
        choices: referringParties(data).map((id) => ({ label: referrerLabel(data, id), value: referrerShort(data, id) })),
      };
    case 'benefits':
      return {
        text: 'Vilken ersättning har personen? (Flera går bra, t.ex. ”sjukpenning och försörjningsstöd”.)',
        choices: [
          { label: 'Sjukpenning', value: 'sjukpenning' },
          { label: 'Aktivitetsersättning', value: 'aktivitetsersättning' },
          { label: 'Försörjningsstöd', value: 'försörjningsstöd' },
          { label: 'Etableringsersättning', value: 'etableringsersättning' },
          { label: 'Hel sjukersättning', value: 'hel sjukersättning' },
          { label: 'Partiell sjukersättning', value: 'partiell sjukersättning' },
          { label: 'A-kassa/aktivitetsstöd', value: 'a-kassa' },
          { label: 'Ingen ersättning', value: 'ingen ersättning' },
          dontKnow,
        ],
      };
    case 'age':
      return { text: 'Hur gammal är personen? Skriv åldern, t.ex. ”31”.', choices: [dontKnow] };
    case 'municipality': {
      const forbund = caseForbund(facts, data);
      const fitPlaces = result.fit ? data.verksamheter.find((v) => v.id === result.fit?.verksamhetId)?.malgrupp.flatMap((g) => g.residence) ?? [] : [];
      const places = [...new Set([...fitPlaces, ...(data.forbund.find((f) => f.id === forbund)?.municipalities ?? [])])];
      return { text: 'I vilken kommun bor personen?', choices: [...places.map((p) => ({ label: p, value: p })), { label: 'Annan kommun', value: 'annan kommun' }, dontKnow] };
    }
    case 'substanceAbuse':
      return { text: 'Har personen ett aktivt missbruk som påverkar rehabiliteringsprocessen?', choices: [{ label: 'Ja', value: 'ja' }, { label: 'Nej', value: 'nej' }, dontKnow] };
    case 'obstacles':
      return { text: 'Finns det medicinska eller sociala hinder för att påbörja arbetsförberedande insatser?', choices: [{ label: 'Ja', value: 'ja' }, { label: 'Nej', value: 'nej' }, dontKnow] };
    case 'consent':
    default:
      return { text: 'Har individen lämnat samtycke till att parterna utbyter uppgifter?', choices: [{ label: 'Ja', value: 'ja' }, { label: 'Nej', value: 'nej' }, dontKnow] };
  }
}


/** A process-wide answer (samtycke, avslutsorsaker, uppföljning, ärendebärare, a path) — complete in one reply. */
export function generalReply(intent: Exclude<AktIntent, 'forankring' | 'fit'>, facts: Partial<CaseFacts>, data: AnswerData, pathId?: string, question = ''): Reply {
  const forbund = caseForbund({ unknown: [], ...facts }, data);
  if (intent === 'path') {
    const p = data.paths.find((x) => x.id === pathId && x.forbund === forbund) ?? data.paths.find((x) => x.id === pathId);
    if (p !== undefined) {
      const who = p.roles.length > 0 ? `\n\nDeltar: ${joinSv(p.roles)}.` : '';
      return { text: `${p.name}: ${p.description}${who}`, sources: withTitles([p.source], data.documents) };
    }
  }
  const topic = intent === 'path' ? 'ovrigt' : intent === 'avslut' ? 'avslutsorsaker' : intent;
  const rules = data.processRules.filter((r) => r.forbund === forbund && r.topic === topic);
  if (rules.length === 0) {
    return { text: 'Det står inte i överenskommelserna för det här förbundet.', sources: [], status: 'not-stated' };
  }
  const text = rules.map((r) => (r.items.length > 0 ? `${r.text}\n${r.items.map((i, k) => `${k + 1}. ${i}`).join('\n')}` : r.text)).join('\n\n');
  const lead = intent !== 'samtycke' ? '' : samtyckeLead(normalize(question), facts.consent);
  return { text: `${lead}${text}`, sources: withTitles(rules.map((r) => r.source), data.documents) };
}

/** The yes/no that opens a samtycke answer, when the question is a yes/no question. */
function samtyckeLead(n: string, consent: boolean | undefined): string {
  if (consent === false || /\butan (samtycke|medgivande)/.test(n)) return 'Nej – utan samtycke får inga uppgifter utbytas och ingen samverkan ske.\n\n';
  if (/^(behover|maste|kravs|ska|skall|bor|galler|ar det)\b/.test(n)) return 'Ja – individen måste lämna samtycke innan parterna utbyter uppgifter.\n\n';
  return '';
}
