import type { Reply } from '../../core/reply.js';
import type { Loaded } from '../../data/schema.js';
import type { TertialReport } from '../../state/tertialReports.js';
import { findGroups, type GroupName } from '../calendar/groups.js';
import { normalize } from '../text.js';
import { scoreEvidence } from '../../understanding/cues.js';
import type { Understanding } from '../../understanding/understand.js';
import { POST_EVIDENCE } from './cues.js';
import { goalsFor, reportSource, type TertialData } from './answers.js';
import { periodLabel } from './period.js';
import { tertialsIn } from './query.js';
import { excerpt, findReport, reportFacts } from './summary.js';

/**
 * The kansli's "Posta T2-sammanfattning för Vuxentorget till styrgruppen" (issue 7): which report
 * goes to which group, and the summary card itself (key numbers, changes, goal fulfilment,
 * lägesrapport excerpt, source). Pure; the dialog checks the role, previews and delivers.
 */

export interface PostRequest {
  verksamhet?: { id: string; forbund: string; name: string };
  organ?: { id: string; forbund: string; name: string };
  tertial?: TertialReport['tertial'];
  year?: number;
}

/** Whether a question asks to post a tertial summary to a channel (src/domain/tertial/cues.ts). */
export function postScore(u: Pick<Understanding, 'query' | 'form'>): number {
  return scoreEvidence(POST_EVIDENCE, { query: u.query, form: u.form });
}

function styrgruppOf(organs: readonly Loaded<'organs'>[], verksamhet: { id: string; forbund: string }): Loaded<'organs'> | undefined {
  const own = organs.filter((o) => o.forbund === verksamhet.forbund && o.kind === 'styrgrupp');
  return own.find((o) => o.id === `styrgrupp-${verksamhet.id}`) ?? own.find((o) => o.verksamhet === verksamhet.id);
}

/** Reads verksamhet, group (organ), tertial and year from the request. "styrgruppen" alone means the verksamhet's styrgrupp. */
export function parsePostRequest(text: string, data: Pick<TertialData, 'verksamheter' | 'organs'>, groups: readonly GroupName[]): PostRequest {
  const n = normalize(text);
  const found = findGroups(text, groups);
  const verksamhetMatch = found.find((m) => m.group.kind === 'verksamhet');
  // Both förbund have a "styrelse": take the organ of the verksamhet's förbund.
  const organs = found.filter((m) => m.group.kind === 'organ');
  const organMatch = organs.find((m) => !verksamhetMatch || m.group.forbund === verksamhetMatch.group.forbund)
    ?? (verksamhetMatch && organs[0] ? { ...organs[0], group: { ...organs[0].group, forbund: verksamhetMatch.group.forbund } } : organs[0]);
  let organ = organMatch ? data.organs.find((o) => o.id === organMatch.group.id && o.forbund === organMatch.group.forbund) : undefined;
  let verksamhet = verksamhetMatch ? { id: verksamhetMatch.group.id, forbund: verksamhetMatch.group.forbund, name: verksamhetMatch.group.name } : undefined;
  if (!verksamhet && organ?.verksamhet) {
    const v = data.verksamheter.find((x) => x.id === organ?.verksamhet && x.forbund === organ.forbund);
    if (v) verksamhet = { id: v.id, forbund: v.forbund, name: v.name };
  }
  // "till styrgruppen" without naming which: the verksamhet's own styrgrupp.
  if (verksamhet && (!organ || (organ.kind === 'styrgrupp' && organ.verksamhet !== verksamhet.id && /\bstyrgrupp(en)?\b/.test(n)))) {
    organ = styrgruppOf(data.organs, verksamhet) ?? organ;
  }
  const year = /\b(20\d\d)\b/.exec(n);
  return {
    ...(verksamhet ? { verksamhet } : {}),
    ...(organ ? { organ: { id: organ.id, forbund: organ.forbund, name: organ.name } } : {}),
    ...(tertialsIn(n)[0] ? { tertial: tertialsIn(n)[0] } : {}),
    ...(year ? { year: Number(year[1]) } : {}),
  };
}

/** The report to post: the named tertial (newest year unless one is named), or the newest report. */
export function reportToPost(reports: readonly TertialReport[], req: PostRequest): TertialReport | undefined {
  const v = req.verksamhet;
  if (!v) return undefined;
  if (req.tertial && req.year) return findReport(reports, v.forbund, v.id, { year: req.year, tertial: req.tertial });
  return reports
    .filter((r) => r.forbund === v.forbund && r.verksamhet === v.id && (!req.tertial || r.tertial === req.tertial) && (!req.year || r.year === req.year))
    .sort((a, b) => b.year - a.year || b.tertial.localeCompare(a.tertial))[0];
}

/** The summary card: key numbers with changes, goal fulfilment, lägesrapport excerpt and the source. */
export function summaryReply(data: TertialData, report: TertialReport, reports: readonly TertialReport[], verksamhetName: string): Reply {
  const goals = goalsFor(data, report.forbund, report.verksamhet);
  const facts = reportFacts(report, reports, goals);
  if (report.lagesrapport) facts.push({ label: 'Lägesrapport (utdrag)', value: excerpt(report.lagesrapport) });
  const p = report.participants;
  const head = `Tertialsammanfattning ${verksamhetName} ${periodLabel(report)}`;
  const line = `${p.current} aktuella deltagare, ${p.new} nya och ${p.ended} avslutade${p.endReasons.arbete !== undefined ? `, varav ${p.endReasons.arbete} till arbete` : ''}.`;
  const goalSources = goals.filter((g) => report.indicators.some((i) => i.goal === g.id)).map((g) => {
    const info = data.documents.find((d) => d.doc === g.source.doc);
    return { doc: g.source.doc, section: g.source.section, ...(info ? { title: info.title, date: info.date } : {}) };
  });
  return {
    text: `${report.exempeldata ? 'EXEMPELDATA – påhittade siffror.\n' : ''}${head}\n${line}`,
    facts,
    sources: [reportSource(report, verksamhetName), ...goalSources],
    ...(report.exempeldata ? { exempeldata: true } : {}),
  };
}
