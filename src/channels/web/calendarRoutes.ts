import type restify from 'restify';
import type { AppContext, RouteInstaller } from '../../app.js';
import { buildIcs } from '../../calendar/ics.js';
import { groupLabel } from '../../domain/calendar/answer.js';
import { calendarFromData, forbundName, groupNames } from '../../domain/calendar/fromData.js';
import { STOCKHOLM, zonedDay } from '../../domain/calendar/zone.js';
import { defaultForbund } from '../../domain/forbund.js';
import { ClientError } from '../../http/errors.js';

const notFound = (message: string) => new ClientError(404, message, 'not_found');

/** The name before ".ics"; `example` is the förbund id the error message shows (the deployment's default). */
function icsName(file: string | undefined, example: string): string {
  const m = /^([a-z0-9-]+)\.ics$/.exec(file ?? '');
  if (!m?.[1]) throw notFound(`Kalendern finns inte. Adressen ska sluta på .ics, t.ex. /calendar/${example}.ics.`);
  return m[1];
}

/**
 * GET /calendar/{förbund}.ics and /calendar/{förbund}/{grupp}.ics: the årshjul as iCalendar
 * (src/calendar/ics.ts), for calendar apps to subscribe to. Groups are organ or verksamhet ids
 * (styrelse, ssg, vuxentorget …).
 */
export const installCalendarRoutes: RouteInstaller = (server: restify.Server, context: AppContext) => {
  const send = (res: restify.Response, forbund: string, group: string | undefined) => {
    const { data, state, clock } = context;
    const f = data.forbund.find((x) => x.id === forbund);
    if (!f) throw notFound(`Förbundet ”${forbund}” finns inte.`);
    const groups = groupNames(data);
    if (group !== undefined && !groups.some((g) => g.id === group && g.forbund === forbund)) {
      throw notFound(`Gruppen ”${group}” finns inte i ${f.name}.`);
    }
    const now = clock();
    const body = buildIcs(calendarFromData(data, state.read().calendarAdditions), {
      forbund,
      forbundName: forbundName(data, forbund),
      group,
      groupName: group ? groupLabel({ groups }, group, forbund) : undefined,
      today: zonedDay(now, STOCKHOLM),
      stamp: now,
      documentTitle: (doc) => data.documents.find((d) => d.doc === doc)?.title,
    });
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${group ? `${forbund}-${group}` : forbund}.ics"`);
    res.setHeader('Cache-Control', 'public, max-age=900');
    res.sendRaw(200, body);
  };
  server.get('/calendar/:file', async (req: restify.Request, res: restify.Response) => {
    send(res, icsName(req.params.file as string | undefined, defaultForbund(context.data)), undefined);
  });
  server.get('/calendar/:forbund/:file', async (req: restify.Request, res: restify.Response) => {
    send(res, String(req.params.forbund), icsName(req.params.file as string | undefined, defaultForbund(context.data)));
  });
};
