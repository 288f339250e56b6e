import ICAL from 'ical.js';
import { installCalendarRoutes } from '../../src/channels/web/calendarRoutes.js';
import { buildIcs, occurrenceUid } from '../../src/calendar/ics.js';
import { calendarFromData } from '../../src/domain/calendar/fromData.js';
import { bundledData, startTestApp, type TestApp } from '../helpers/httpApp.js';

interface Parsed {
  uid: string;
  summary: string;
  start: ICAL.Time;
  end: ICAL.Time;
}

function parse(text: string): Parsed[] {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return component.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, start: e.startDate, end: e.endDate };
  });
}

describe('iCalendar feed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ routes: [installCalendarRoutes] });
  });
  afterAll(async () => {
    await app.stop();
  });

  test('GET /calendar/umearegionen/styrelse.ics is RFC 5545 that ical.js reads back, in Europe/Stockholm', async () => {
    const res = await fetch(`${app.baseUrl}/calendar/umearegionen/styrelse.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm');
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    const events = parse(text);
    const oct20 = events.find((e) => e.summary.startsWith('Delrapport T2') && e.start.toString() === '2023-10-20');
    expect(oct20?.start.isDate).toBe(true);
    expect(oct20?.summary).toContain('förmiddag');
    // A timed meeting (002: 08.30–12.00) is in Stockholm time: 06:30 UTC in April (CEST, +2).
    const april = events.find((e) => e.start.toString().startsWith('2017-04-21'));
    expect(april?.start.zone?.tzid).toBe('Europe/Stockholm');
    expect(april?.start.toJSDate().toISOString()).toBe('2017-04-21T06:30:00.000Z');
    // … and 07:15 UTC in February (CET, +1).
    const february = events.find((e) => e.start.toString().startsWith('2017-02-24'));
    expect(february?.start.toJSDate().toISOString()).toBe('2017-02-24T07:15:00.000Z');
    // SSG's own meeting is not in the styrelse feed.
    expect(events.some((e) => e.start.toString() === '2023-10-13')).toBe(false);
  });

  test('UIDs are stable across two generations and unique', async () => {
    const a = parse(await (await fetch(`${app.baseUrl}/calendar/umearegionen.ics`)).text());
    const b = parse(await (await fetch(`${app.baseUrl}/calendar/umearegionen.ics`)).text());
    expect(a.map((e) => e.uid)).toEqual(b.map((e) => e.uid));
    expect(new Set(a.map((e) => e.uid)).size).toBe(a.length);
    expect(a.length).toBeGreaterThan(30);
  });

  test('yearly deadlines appear for the years around today; "året före" lands in the year before', async () => {
    const data = await bundledData();
    const text = buildIcs(calendarFromData(data, []), {
      forbund: 'umearegionen', forbundName: 'Umeåregionen', group: 'vuxentorget', today: '2026-11-23',
      stamp: new Date('2026-11-23T12:00:00Z'), documentTitle: () => undefined,
    });
    const bilaga = parse(text).filter((e) => e.summary.includes('parternas åtaganden')).map((e) => e.start.toString());
    expect(bilaga).toEqual(['2025-12-31', '2026-12-31', '2027-12-31']);
    expect(occurrenceUid({ forbund: 'umearegionen', key: 'umearegionen/bilaga-parternas-ataganden/2027' })).toMatch(/^[0-9a-f]{32}@samverkansboten$/);
  });

  test('unknown förbund or group is a 404 with a Swedish message', async () => {
    const res = await fetch(`${app.baseUrl}/calendar/umearegionen/finns-inte.ics`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain('finns inte');
    expect((await fetch(`${app.baseUrl}/calendar/okand.ics`)).status).toBe(404);
  });
});
