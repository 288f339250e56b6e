/**
 * Målgrupp, mål & indikatorer, uppföljning, giltighet, ersättning, uppsägning och omförhandling
 * (000 avsnitt 3–6, 8, 9; 001 Målgrupp, Bilaga 1, Uppföljning, Varaktighet; 003 §§ 3, 4, 8–12;
 * 004 Målgruppen, Mål, Uppföljning och utvärdering).
 */
import type { Choice, Fact, Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { Loaded, Source } from '../../data/schema.js';
import { entityTokens, hasStem, hasWord, type ParsedQuery } from '../entities.js';
import { evidenceOf, ruleHolds } from '../../understanding/cues.js';
import { messageForm, questionForm } from '../../understanding/form.js';
import { MALGRUPP_TOPIC_EVIDENCE, MALGRUPP_TOPIC_LINES } from './cues.js';
import { asksValidity } from '../routing/dateQuestion.js';
import { docDate, docShortTitle, sourceRefs } from '../sources.js';
import { normalize } from '../text.js';
import { extractFacts, lexiconFor } from '../aktualisering/extract.js';
import { mergeFacts } from '../aktualisering/facts.js';
import { checkFit } from '../aktualisering/fit.js';
import { fitHeadline, fitVerdictLine } from '../aktualisering/fitVerdict.js';
import { groupVerdictLine, matchGroup } from '../groupMatch.js';
import { clip, defaultForbund, forbundOf, joinSv, notInDocumentsReply, refsIn, seeAlso } from './common.js';

type Agreement = Loaded<'agreements'>;
type Verksamhet = Loaded<'verksamheter'>;
type Malgrupp = Verksamhet['malgrupp'][number];

export type MalgruppTopic = 'malgrupp' | 'mal' | 'uppfoljning' | 'villkor' | 'giltighet' | 'ersattning' | 'resultat' | 'syfte';

/** Which of the topics the question asks about, in order of specificity (src/domain/answers/cues.ts). */
export function malgruppTopics(q: ParsedQuery): MalgruppTopic[] {
  const has = evidenceOf(MALGRUPP_TOPIC_EVIDENCE, { query: q, form: questionForm(q.tokens), signals: { validity: asksValidity(q.normalized) } });
  const topics: MalgruppTopic[] = [];
  for (const line of MALGRUPP_TOPIC_LINES) if (!topics.includes(line.topic) && ruleHolds({ ...line.rule, score: 1 }, has)) topics.push(line.topic);
  return topics;
}

/** Agreements in scope: named ones, else those of the named verksamheter, else all of the förbund. */
function agreementsInScope(data: AgreementData, q: ParsedQuery, forbund: string, verksamheter: readonly Verksamhet[]): Agreement[] {
  const named = new Set(refsIn(q, 'agreement', forbund).map((r) => r.id));
  const years = q.years;
  let list = data.agreements.filter((a) => a.forbund === forbund);
  if (named.size > 0) list = list.filter((a) => named.has(a.id));
  else if (verksamheter.length > 0) {
    const ids = new Set(verksamheter.map((v) => v.id));
    const byVerksamhet = list.filter((a) => a.verksamheter.some((v) => ids.has(v)));
    if (byVerksamhet.length > 0) list = byVerksamhet;
  }
  if (years.length > 0 && named.size === 0) {
    const inYear = list.filter((a) => years.some((y) => a.title.includes(String(y)) || (a.validity?.from ?? '').startsWith(String(y))));
    if (inYear.length > 0) list = inYear;
  }
  // An agreement about the named verksamhet itself (its name in the title) before wider ones, then newest first.
  const own = (a: Agreement) => Number(verksamheter.some((v) => normalize(a.title).includes(normalize(v.name))));
  return [...list].sort((a, b) => own(b) - own(a) || docDate(data.documents, b.source.doc).localeCompare(docDate(data.documents, a.source.doc)));
}

function malgruppFacts(label: string, m: Malgrupp): Fact[] {
  const facts: Fact[] = [{ label, value: m.description }];
  const age = m.ageMin !== undefined || m.ageMax !== undefined ? `${m.ageMin ?? ''}–${m.ageMax ?? ''} år` : undefined;
  if (age) facts.push({ label: 'Ålder', value: m.ageNote ? `${age} (${m.ageNote})` : age });
  if (m.residence.length > 0) facts.push({ label: 'Bosatt i', value: m.residence.join(', ') });
  if (m.groups.length > 0) facts.push({ label: 'Grupper', value: m.groups.join(' • ') });
  if (m.conditions.length > 0) facts.push({ label: 'Villkor', value: m.conditions.join(' • ') });
  if (m.exclusions.length > 0) facts.push({ label: 'Ingår inte', value: m.exclusions.join(' • ') });
  if (m.prioritised.length > 0 && m.prioritised.join() !== m.groups.join()) facts.push({ label: 'Prioriterade', value: m.prioritised.join(' • ') });
  if (m.minAuthorities !== undefined) facts.push({ label: 'Samverkan', value: `behov av minst ${m.minAuthorities} myndigheters samverkan` });
  return facts;
}

interface Part { text: string; facts: Fact[]; sources: Source[] }

function malgruppPart(data: AgreementData, forbund: string, verksamheter: readonly Verksamhet[], agreements: readonly Agreement[]): Part | undefined {
  const facts: Fact[] = [];
  const sources: Source[] = [];
  const leads: string[] = [];
  for (const v of verksamheter) {
    for (const m of v.malgrupp) {
      facts.push(...malgruppFacts(`Målgrupp ${v.name}`, m));
      sources.push(m.source);
    }
    const first = v.malgrupp[0];
    if (first) leads.push(`${v.name}: ${clip(first.description, 260)}`);
  }
  if (verksamheter.length === 0) {
    for (const a of agreements) {
      for (const m of a.malgrupp) {
        facts.push(...malgruppFacts(`Målgrupp (${docShortTitle(data.documents, a.source.doc)})`, m));
        sources.push(m.source);
      }
      const first = a.malgrupp[0];
      if (first) leads.push(`${docShortTitle(data.documents, a.source.doc)}: ${clip(first.description, 260)}`);
    }
  }
  if (facts.length === 0) return undefined;
  return { text: leads.join(' '), facts, sources };
}

function goalsPart(data: AgreementData, agreements: readonly Agreement[], verksamheter: readonly Verksamhet[], q: ParsedQuery): Part | undefined {
  const facts: Fact[] = [];
  const sources: Source[] = [];
  const onlyIndicators = hasStem(q, 'indikator') && !hasWord(q, 'mal', 'malen');
  for (const a of agreements) {
    for (const g of a.goals) {
      const indicators = g.indicators.map((i) => `${i.text}${i.target ? ` (${i.target})` : ''}`).join(' • ');
      const value = [onlyIndicators ? '' : g.text, g.target ? `mål: ${g.target}` : '', indicators ? `Indikatorer: ${indicators}` : ''].filter(Boolean).join(' – ');
      if (value) facts.push({ label: `${g.kind ?? 'Mål'} (${docShortTitle(data.documents, a.source.doc)})`, value });
      sources.push(g.source);
    }
  }
  if (facts.length === 0) return undefined;
  const names = verksamheter.length > 0 ? joinSv(verksamheter.map((v) => v.name)) : joinSv([...new Set(agreements.filter((a) => a.goals.length > 0).map((a) => docShortTitle(data.documents, a.source.doc)))]);
  return { text: `Mål${onlyIndicators ? ' och indikatorer' : ''} för ${names}:`, facts: facts.slice(0, 24), sources };
}

function rulesPart(data: AgreementData, agreements: readonly Agreement[], which: 'villkor' | 'uppfoljning' | 'giltighet' | 'ersattning' | 'syfte'): Part | undefined {
  const facts: Fact[] = [];
  const sources: Source[] = [];
  for (const a of agreements) {
    const add = (label: string, text: string | undefined, source: Source | undefined) => {
      if (!text) return;
      facts.push({ label: `${label} (${docShortTitle(data.documents, a.source.doc)})`, value: text });
      if (source) sources.push(source);
    };
    if (which === 'villkor') {
      add('Uppsägning', a.notice?.text, a.notice?.source);
      add('Omförhandling', a.renegotiation?.text, a.renegotiation?.source);
      add('Ändring av åtaganden', a.changes?.text, a.changes?.source);
      add('Upphörande', a.termination?.text, a.termination?.source);
      for (const r of a.otherRules) if (/tvist|andring|ändring|uppsäg|omförhand/iu.test(r.topic)) add(r.topic, r.text, r.source);
    } else if (which === 'uppfoljning') {
      for (const r of a.reporting) add(r.what, [r.text, r.when ? `När: ${r.when}` : '', r.to ? `Till: ${r.to}` : ''].filter(Boolean).join(' – '), r.source);
      for (const r of a.otherRules) if (/uppf[oö]lj|rapport|utv[aä]rd/iu.test(r.topic)) add(r.topic, r.text, r.source);
    } else if (which === 'giltighet') {
      const v = a.validity;
      // The dates first, then how the document words it: "från 2021-10-01 till 2022-12-31 – 2021-2022 (titeln och § 9) …".
      const period = v === undefined ? '' : [v.from && `från ${v.from}`, v.to && `till ${v.to}`, v.tillsvidare ? 'tillsvidare' : ''].filter(Boolean).join(' ');
      if (v) add('Giltighet', v.text === undefined ? period : period !== '' && !v.text.includes(v.from ?? '\u0000') ? `${period} – ${v.text}` : v.text, a.source);
      if (a.decided?.text || a.decided?.date) add('Beslut', a.decided.text ?? `${a.decided.date ?? ''} ${a.decided.by ?? ''}`.trim(), a.source);
    } else if (which === 'ersattning') {
      add('Ersättning', a.payment?.text, a.payment?.source);
      for (const r of a.otherRules) if (/ers[aä]ttning|betal|faktur|budget|medel/iu.test(r.topic)) add(r.topic, r.text, r.source);
    } else {
      add('Syfte', a.purpose, a.source);
      add('Vision', a.vision, a.source);
    }
  }
  if (facts.length === 0) return undefined;
  const first = facts[0];
  return { text: first ? `${first.label.replace(/ \(.*$/u, '')}: ${clip(first.value, 900)}` : '', facts: facts.slice(1), sources };
}

function resultsPart(verksamheter: readonly Verksamhet[]): Part | undefined {
  const facts: Fact[] = [];
  const sources: Source[] = [];
  for (const v of verksamheter) {
    for (const r of v.results) {
      facts.push({ label: `${v.name}: ${r.label}`, value: r.value });
      sources.push(r.source);
    }
  }
  if (facts.length === 0) return undefined;
  return { text: `Redovisade resultat för ${joinSv([...new Set(verksamheter.filter((v) => v.results.length > 0).map((v) => v.name))])}:`, facts, sources };
}

/** A question whether something shuts a person out of the målgrupp ("stänger det ute", "utesluter", "diskvalificerar"). */
const EXCLUSION_ASK = /\b(?:stanger\w*|utesluter|utesluts|utestanger|diskvalificer\w*|spärrar|sparrar)\b/u;

/**
 * Ja/Nej for a yes/no question about whether a person belongs to the målgrupp: for one verksamhet,
 * the person's age, home and exclusions as the aktualiseringscheck reads them (src/domain/aktualisering/fit.ts)
 * and the group the person matches; for an agreement, the group alone. Undefined when nothing decides it.
 */
function malgruppVerdict(data: AgreementData, q: ParsedQuery, verksamheter: readonly Verksamhet[], agreements: readonly Agreement[]): string | undefined {
  const [only] = verksamheter;
  if (only !== undefined && verksamheter.length === 1) {
    const facts = mergeFacts({ unknown: [] }, extractFacts(q.raw, lexiconFor(data)));
    const fit = checkFit({ ...facts, verksamhet: only.id, forbund: only.forbund }, data, only.id);
    const line = fit === undefined ? undefined : fitVerdictLine(q.raw, fit, data) ?? (fit.verdict === 'nej' ? fitHeadline(fit, facts) : undefined);
    // "Stänger aktivt missbruk ute?" asks the other way round: the person is out, so "Ja".
    if (line !== undefined) return EXCLUSION_ASK.test(q.normalized) ? line.replace(/^Nej – /u, 'Ja – ').replace(/^Ja – ”/u, 'Nej – ”') : line;
  }
  // The verksamhet's own målgrupp lists no group the person matches: the agreement's groups may (Överenskommelse 2023's
  // prioriterade målgrupper) – when the question asks about a målgrupp, not about a referrer's own process (KAA).
  if (!hasStem(q, 'malgrupp')) return undefined;
  for (const a of agreements) {
    const match = a.malgrupp.map((m) => matchGroup(q.raw, m)).find((m) => m !== undefined);
    if (match !== undefined) return groupVerdictLine(match, 'överenskommelsens');
  }
  return undefined;
}

/** The answer to a question about målgrupp, mål, uppföljning or the agreement's rules. */
export function answerMalgrupp(data: AgreementData, q: ParsedQuery): Reply {
  const forbund = forbundOf(data, q);
  const verksamhetIds = [...new Set(refsIn(q, 'verksamhet', forbund).map((r) => r.id))];
  let verksamheter = data.verksamheter.filter((v) => v.forbund === forbund && verksamhetIds.includes(v.id));
  // A förbund with a single verksamhet: naming the förbund names it.
  const ownVerksamheter = data.verksamheter.filter((v) => v.forbund === forbund);
  if (verksamheter.length === 0 && forbund !== defaultForbund(data) && ownVerksamheter.length === 1) verksamheter = ownVerksamheter;
  const agreements = agreementsInScope(data, q, forbund, verksamheter);
  const topics = malgruppTopics(q);
  if (topics.length === 0) topics.push('malgrupp');

  const parts: Part[] = [];
  let choices: Choice[] | undefined;
  for (const topic of topics) {
    let part: Part | undefined;
    if (topic === 'malgrupp') {
      if (verksamheter.length === 0 && refsIn(q, 'agreement', forbund).length === 0) {
        // Which verksamhet matters for a målgrupp: answer for all, briefly, and offer to narrow.
        const withGroup = data.verksamheter.filter((v) => v.forbund === forbund && v.malgrupp.length > 0);
        part = {
          text: 'Målgrupperna enligt överenskommelserna:',
          facts: withGroup.map((v) => ({ label: v.name, value: clip(v.malgrupp[0]?.description ?? '', 300) })),
          sources: withGroup.map((v) => v.malgrupp[0]?.source).filter((s): s is Source => s !== undefined),
        };
        choices = withGroup.slice(0, 8).map((v) => ({ label: v.name }));
      } else {
        part = malgruppPart(data, forbund, verksamheter, agreements);
      }
    } else if (topic === 'mal') {
      part = goalsPart(data, agreements, verksamheter, q);
    } else if (topic === 'resultat') {
      if (verksamheter.length === 0) verksamheter = data.verksamheter.filter((v) => v.forbund === forbund && v.results.length > 0);
      part = resultsPart(verksamheter);
    } else {
      part = rulesPart(data, agreements, topic);
    }
    if (part) parts.push(part);
  }
  if (parts.length === 0) {
    const what = verksamheter.length > 0 ? joinSv(verksamheter.map((v) => v.name)) : 'det du frågar om';
    return notInDocumentsReply(data, what, q.raw, forbund);
  }
  // "Ingår/tillhör X …?" about a person: the verdict the målgrupp's limits and groups give leads.
  const verdict = messageForm(q.raw, (clause) => entityTokens(normalize(clause))) === 'yesno' && topics.includes('malgrupp') ? malgruppVerdict(data, q, verksamheter, agreements) : undefined;
  const cited = parts.flatMap((p) => p.sources);
  // Nearby passages from any förbund: a rule the question names may only exist in the other one's agreement.
  const more = seeAlso(data, q.raw, forbund, cited, 2, true);
  const reply: Reply = {
    text: [verdict, parts.map((p) => p.text).filter(Boolean).join(' ')].filter((t) => t !== undefined && t !== '').join('\n'),
    facts: [...parts.flatMap((p) => p.facts), ...more.facts],
    sources: sourceRefs(data.documents, [...cited, ...more.sources]),
  };
  if (choices && choices.length > 1 && verdict === undefined) {
    reply.text += ' Vilken verksamhet vill du veta mer om?';
    reply.choices = choices;
  }
  return reply;
}
