import type { Loaded, Source } from '../../data/schema.js';
import { normalize } from '../text.js';
import { knownBenefits, type CaseFacts } from './facts.js';
import { joinSv } from './labels.js';

/**
 * Target-group fit for the aktualiseringscheck: the person's facts against a verksamhet's målgrupp
 * as verksamheter.json states it (age range, residence, exclusions, conditions to assess) —
 * Vuxentorget 2020 § 4 and § 6, Uppdragsavtal Samverkansteam Finnveden § 3, Överenskommelse 2023.
 */

export type FitData = { verksamheter: readonly Loaded<'verksamheter'>[] };

/** One line of the answer with the sources it rests on. */
export interface Line {
  text: string;
  sources: Source[];
}

export interface FitCheck extends Line {
  /** true fits, false does not, undefined depends on an unknown fact. */
  ok: boolean | undefined;
  /** What the check depends on while `ok` is undefined, as a short "beror på" phrase. */
  depends?: string;
  /** The same as a condition that makes it fit ("Ja, om personen är 25–64 år"). */
  condition?: string;
}

export interface FitResult {
  verksamhetId: string;
  verksamhetName: string;
  verdict: 'ja' | 'nej' | 'beror-pa';
  checks: FitCheck[];
  /** Conditions the document sets that a handläggare must judge (not asked). */
  toAssess: Line[];
  /** Other verksamheter of the förbund whose age and residence limits the person meets. */
  alternatives: Line[];
}

export function ageRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}–${max} år`;
  if (min !== undefined) return `från ${min} år`;
  return `upp till ${max ?? ''} år`;
}

/** ageNote sentences meant for readers: clauses addressed to the data's authors ("visa …") are dropped. */
function readerNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const sentences = note.split(/(?<=[.;])\s+/)
    .map((sentence) => sentence.split(' – ').filter((clause) => !/\bvisa\b/i.test(clause)).join(' – ').trim())
    .filter((sentence) => sentence !== '')
    .map((sentence) => (/[.;!?]$/.test(sentence) ? sentence : `${sentence}.`));
  return sentences.length === 0 ? undefined : sentences.join(' ');
}

type Exclusion = { fact: 'benefits' | 'substanceAbuse' | 'obstacles'; test: (facts: CaseFacts) => boolean | undefined; label: string };

/** How an exclusion's wording maps to a case fact (the wording itself comes from verksamheter.json). */
export function exclusionFor(text: string): Exclusion | undefined {
  const n = normalize(text);
  if (/hel sjukersattning/.test(n)) {
    return {
      fact: 'benefits', label: 'hel sjukersättning',
      test: (f) => {
        const b = knownBenefits(f);
        if (b === undefined) return undefined;
        if (b.includes('sjukersattning-hel')) return false;
        if (b.includes('sjukersattning')) return undefined;
        return true;
      },
    };
  }
  if (/missbruk/.test(n)) return { fact: 'substanceAbuse', label: 'aktivt missbruk', test: (f) => (f.substanceAbuse === undefined ? undefined : !f.substanceAbuse) };
  if (/hinder/.test(n)) return { fact: 'obstacles', label: 'medicinska eller sociala hinder', test: (f) => (f.obstacles === undefined ? undefined : !f.obstacles) };
  return undefined;
}

function inResidence(list: readonly string[], municipality: string): boolean {
  const key = normalize(municipality);
  return list.some((m) => normalize(m) === key);
}

/** Target-group fit of the person with the verksamhet's målgrupp (verksamheter.json): age, residence, exclusions. */
export function checkFit(facts: CaseFacts, data: FitData, verksamhetId: string, today?: string): FitResult | undefined {
  const v = data.verksamheter.find((x) => x.id === verksamhetId && (facts.forbund === undefined || x.forbund === facts.forbund))
    ?? data.verksamheter.find((x) => x.id === verksamhetId);
  if (v === undefined) return undefined;
  const groups = v.malgrupp;
  const checks: FitCheck[] = [];
  const toAssess: Line[] = [];

  const aged = groups.filter((g) => g.ageMin !== undefined || g.ageMax !== undefined);
  if (aged.length > 0) {
    const min = Math.max(...aged.map((g) => g.ageMin ?? -Infinity));
    const maxes = aged.map((g) => g.ageMax).filter((x): x is number => x !== undefined);
    const max = maxes.length > 0 ? Math.min(...maxes) : undefined;
    const lo = Number.isFinite(min) ? min : undefined;
    const range = ageRange(lo, max);
    const sources = aged.map((g) => g.source);
    const wording = [...new Set(groups.map((g) => g.description.match(/(äldre än \d+ år|\d+\s?[–-]\s?\d+ år)/)?.[1]).filter((x): x is string => x !== undefined))];
    const worded = wording.length > 1 ? ` (dokumentet skriver både ${joinSv(wording.map((w) => `”${w}”`))})` : '';
    if (facts.age === undefined) {
      checks.push({ ok: undefined, text: `Ålder: målgruppen är ${range}${worded}.`, sources, depends: `personens ålder (målgruppen är ${range})`, condition: `personen är ${range}` });
    } else {
      const ok = (lo === undefined || facts.age >= lo) && (max === undefined || facts.age <= max);
      const edge = facts.age === lo || facts.age === max;
      const note = edge ? readerNote([...aged].sort((a, b) => (b.ageNote?.length ?? 0) - (a.ageNote?.length ?? 0))[0]?.ageNote) : undefined;
      const verdict = ok ? `${facts.age} år ryms i målgruppen ${range}` : `${facts.age} år ryms inte i målgruppen ${range}`;
      checks.push({ ok, text: `Ålder: ${verdict}${worded}.${note !== undefined ? ` Obs: ${note}` : ''}`, sources });
    }
  }

  const residence = [...new Set(groups.flatMap((g) => g.residence))];
  if (residence.length > 0) {
    const sources = groups.filter((g) => g.residence.length > 0).map((g) => g.source).slice(0, 1);
    const where = joinSv(residence, 'eller');
    if (facts.municipality === undefined) checks.push({ ok: undefined, text: `Bosättning: personen ska vara bosatt i ${where}.`, sources, depends: `om personen är bosatt i ${where}`, condition: `personen är bosatt i ${where}` });
    else {
      const ok = inResidence(residence, facts.municipality);
      checks.push({ ok, text: `Bosättning: ${facts.municipality} ${ok ? 'ingår' : 'ingår inte'} (målgruppen ska vara bosatt i ${where}).`, sources });
    }
  }

  for (const g of groups) {
    for (const text of g.exclusions) {
      const ex = exclusionFor(text);
      if (ex === undefined) { toAssess.push({ text, sources: [g.source] }); continue; }
      const ok = ex.test(facts);
      const state = ok === undefined ? `beror på om personen har ${ex.label}` : ok ? `personen har inte ${ex.label}` : `personen har ${ex.label} – omfattas inte`;
      checks.push({ ok, text: `Undantag: ”${text}” – ${state}.`, sources: [g.source], depends: `om personen har ${ex.label}`, condition: `personen inte har ${ex.label}` });
    }
    for (const text of g.conditions) {
      // A condition the question states ("inte arbetslös") is checked; the others are for the handläggare to judge.
      const stated = facts.conditions?.[text];
      if (stated === undefined) toAssess.push({ text, sources: [g.source] });
      else checks.push({ ok: stated, text: `Villkor: ”${text}” – ${stated ? 'gäller personen enligt frågan' : 'gäller inte personen enligt frågan'}.`, sources: [g.source] });
    }
  }

  const verdict = checks.some((c) => c.ok === false) ? 'nej' : checks.some((c) => c.ok === undefined) ? 'beror-pa' : 'ja';
  const alternatives = verdict === 'nej' ? alternativesFor(facts, data, v, today) : [];
  const seen = new Set<string>();
  const dedupedAssess = toAssess.filter((l) => (seen.has(l.text) ? false : (seen.add(l.text), true)));
  return { verksamhetId: v.id, verksamhetName: v.name, verdict, checks, toAssess: dedupedAssess, alternatives };
}

/** Verksamheter of the same förbund, still running on `today`, whose age limits and residence fit the known facts. */
function alternativesFor(facts: CaseFacts, data: FitData, not: Loaded<'verksamheter'>, today: string | undefined): Line[] {
  return data.verksamheter
    .filter((v) => v.forbund === not.forbund && v.id !== not.id)
    .filter((v) => today === undefined || v.period?.to === undefined || v.period.to >= today)
    .flatMap((v) => {
      const g = v.malgrupp.find((m) => m.ageMin !== undefined || m.ageMax !== undefined);
      // Limits borrowed from the agreement say nothing of who the verksamhet itself is for.
      if (g === undefined || g.ageFromAgreement === true) return [];
      if (facts.age !== undefined && ((g.ageMin !== undefined && facts.age < g.ageMin) || (g.ageMax !== undefined && facts.age > g.ageMax))) return [];
      if (facts.municipality !== undefined && g.residence.length > 0 && !inResidence(g.residence, facts.municipality)) return [];
      const where = g.residence.length > 0 ? `, bosatta i ${joinSv(g.residence, 'eller')}` : '';
      return [{ text: `${v.name}: ${ageRange(g.ageMin, g.ageMax)}${where}.`, sources: [g.source] }];
    });
}
