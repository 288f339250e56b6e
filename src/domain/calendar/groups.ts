import { withinOneEdit } from '../fuzzy.js';
import { normalize } from '../text.js';

/** A group a question can name: an organ (styrelse, SSG …) or a verksamhet (Vuxentorget …). */
export interface GroupName {
  id: string;
  forbund: string;
  kind: 'organ' | 'verksamhet';
  name: string;
  aliases: readonly string[];
}

export interface GroupMatch {
  group: GroupName;
  /** The alias as matched in the normalised text. */
  matched: string;
}

/**
 * The groups named in `text`, longest mention first and without overlaps ("styrgruppen för
 * Vuxentorget" is the styrgrupp, not Vuxentorget too). A word may carry a suffix
 * ("styrelsemötet", "SSG:s"); two-letter aliases (AU, BG, UT) count only when typed in capitals,
 * since "ut" and "st" are also ordinary words.
 */
export function findGroups(text: string, groups: readonly GroupName[]): GroupMatch[] {
  const n = normalize(text);
  const found: { start: number; end: number; m: GroupMatch }[] = [];
  for (const { group, alias, a, shortRe, re } of compiledAliases(groups)) {
    if (shortRe && (!shortRe.test(text) || alias !== alias.toUpperCase())) continue;
    // The pattern needs the alias itself in the text: most aliases are not there, and this test is cheap.
    if (!n.includes(a)) continue;
    for (const m of n.matchAll(re)) {
      const suffix = m[2] ?? '';
      if (a.length <= 3 && suffix !== '' && suffix !== 's') continue;
      const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
      found.push({ start, end: start + a.length, m: { group, matched: a } });
    }
  }
  if (found.length === 0) found.push(...fuzzyMentions(n, groups));
  found.sort((x, y) => (y.end - y.start) - (x.end - x.start) || x.start - y.start);
  const accepted: typeof found = [];
  for (const f of found) {
    if (accepted.some((a) => f.start < a.end && a.start < f.end)) continue;
    if (accepted.some((a) => a.m.group.id === f.m.group.id && a.m.group.forbund === f.m.group.forbund)) continue;
    accepted.push(f);
  }
  return accepted.sort((x, y) => x.start - y.start).map((f) => f.m);
}

interface CompiledAlias {
  group: GroupName;
  alias: string;
  a: string;
  /** For two-letter aliases: the alias as a word of its own in the original text (typed in capitals). */
  shortRe?: RegExp;
  re: RegExp;
}

const compiledByList = new WeakMap<readonly GroupName[], CompiledAlias[]>();
const compiledByGroup = new WeakMap<GroupName, CompiledAlias[]>();

/**
 * The aliases of a group list, normalised and compiled once per group: callers pass filtered lists
 * (one förbund's groups, only verksamheter) made anew on each turn, while the groups themselves are
 * built once per data object (fromData.ts `groupNames`).
 */
function compiledAliases(groups: readonly GroupName[]): CompiledAlias[] {
  let compiled = compiledByList.get(groups);
  if (compiled) return compiled;
  compiled = groups.flatMap(compiledGroup);
  compiledByList.set(groups, compiled);
  return compiled;
}

function compiledGroup(group: GroupName): CompiledAlias[] {
  let compiled = compiledByGroup.get(group);
  if (compiled) return compiled;
  compiled = [];
  for (const alias of new Set([group.name, ...group.aliases])) {
    const a = normalize(alias);
    if (a.length < 2) continue;
    compiled.push({
      group,
      alias,
      a,
      shortRe: a.length <= 2 ? new RegExp(`(^|[^\\p{L}])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u') : undefined,
      re: new RegExp(`(?:^|[\\s\\-/:.])(${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(\\p{L}*)`, 'gu'),
    });
  }
  compiledByGroup.set(group, compiled);
  return compiled;
}

const fuzzyByGroup = new WeakMap<GroupName, string[]>();

/** The normalised one-word aliases of six letters or more of a group: those a typo may stand for. */
function fuzzyAliases(group: GroupName): string[] {
  let aliases = fuzzyByGroup.get(group);
  if (aliases) return aliases;
  aliases = [...new Set([group.name, ...group.aliases].map(normalize))].filter((alias) => alias.length >= 6 && !/\s/.test(alias));
  fuzzyByGroup.set(group, aliases);
  return aliases;
}

/**
 * One typo in a longer one-word alias ("styrelsmötet" for styrelse, "analysgrupen"): the start of a
 * word one edit from the alias. Only a fallback when nothing matched exactly (DESIGN.md, Language).
 */
function fuzzyMentions(n: string, groups: readonly GroupName[]): { start: number; end: number; m: GroupMatch }[] {
  const out: { start: number; end: number; m: GroupMatch }[] = [];
  for (const word of n.matchAll(/[^\s\-/:.]+/g)) {
    const w = word[0];
    // The word's starts, cut once per length rather than once per alias.
    const starts = new Map<number, string>();
    const start = (len: number): string => {
      let s = starts.get(len);
      if (s === undefined) starts.set(len, (s = w.slice(0, len)));
      return s;
    };
    for (const group of groups) {
      for (const alias of fuzzyAliases(group)) {
        const hit = [alias.length - 1, alias.length, alias.length + 1].some((len) => len <= w.length && withinOneEdit(start(len), alias));
        if (hit) out.push({ start: word.index ?? 0, end: (word.index ?? 0) + alias.length, m: { group, matched: alias } });
      }
    }
  }
  return out;
}
