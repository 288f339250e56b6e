import { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { userIsInConversation } from '../src/core/membership.js';
import { isKansli, KANSLI_ONLY_TEXT, userKey } from '../src/core/roles.js';
import { sendReply } from '../src/core/sendReply.js';
import { importCalendarText } from '../src/calendar/importFile.js';
import { targetKey, type DeliveryTarget } from '../src/delivery/types.js';
import {
  deadlineReply, groupLabel, lastMeetingReply, nextMeetingReply, periodReply, topicReply, yearReply, type AnswerContext,
} from '../src/domain/calendar/answer.js';
import { calendarFromData, forbundName } from '../src/domain/calendar/fromData.js';
import type { GroupName } from '../src/domain/calendar/groups.js';
import { zonedDay } from '../src/domain/calendar/zone.js';
import { busiestGroups, readArshjulQuestion, readingOf, shortName, type ArshjulReading } from './arshjulReading.js';
import { formatSwedishDay, parseSwedishDate } from '../src/domain/dates.js';
import { parseSubscriptionRequest, subscriptionId } from '../src/reminders/subscriptionText.js';
import { upcomingReminders } from '../src/reminders/due.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { readRouteOptions } from './routeOptions.js';
import { helpExamples } from '../src/domain/examples.js';
import { turnNow } from './turnClock.js';
import { turnForbund } from './turnForbund.js';
import type { Understanding } from '../src/understanding/understand.js';

export const ARSHJUL_DIALOG = 'arshjulDialog';
const ARSHJUL_WATERFALL = 'arshjulWaterfall';

/** Where a proactive message to this conversation goes: what delivery needs per channel. */
export function deliveryTargetOf(context: TurnContext): DeliveryTarget {
  const a = context.activity;
  if (a.channelId === 'msteams') {
    const ref = TurnContext.getConversationReference(a);
    return {
      kind: 'teams',
      conversationReference: { ...ref, serviceUrl: ref.serviceUrl ?? '', conversation: { ...ref.conversation, id: ref.conversation?.id ?? '' } },
    };
  }
  if (a.channelId === 'slack') {
    const channelData = (a.channelData ?? {}) as Record<string, unknown>;
    const channel = typeof channelData.channel === 'string' ? channelData.channel : a.conversation.id;
    return { kind: 'slack', channelId: channel, teamId: typeof channelData.team === 'string' ? channelData.team : undefined };
  }
  return { kind: 'web', conversationId: a.conversation.id };
}

const ADD_EVENT_USAGE =
  'Så lägger kansliet till ett möte: ”lägg till möte: styrelse; 2024-02-16; förmiddag; Budgetuppföljning” (grupp; datum; [förmiddag/eftermiddag/heldag;] titel). ' +
  'Flera på en gång: ”importera mötesplan” och på följande rader CSV med rubrikraden i templates/motesplan.csv.';

/** Kansli reports (uncertain reminders, dead channels) go to the channels subscribed to it. */
const KANSLI_GROUP_ONLY_TEXT =
  'Bara kansliet kan ändra vilka kanaler som får kansliets meddelanden (rapporter om påminnelser och utskick), så jag har inte ändrat något.';

const NOT_IN_CONVERSATION_TEXT =
  'Jag kan inte se att du är med i den här kanalen, så jag har inte ändrat dess prenumerationer. Skriv till mig i kanalen (i Slack eller Teams) för att prenumerera.';

/** The help, with the deployment's busiest group (src/domain/examples.ts) in the subscription examples. */
function help(group: string): Reply {
  return {
    text: [
      'Årshjul och påminnelser – exempel:',
      '• När är nästa styrelsemöte?  • Möten i maj  • Vad händer i oktober?  • Nästa deadline',
      '• När ska delrapport T2 upp?  • Vad handlar planeringsdagen om?',
      `• Prenumerera på påminnelser för ${group} (7 och 1 dag före, kl. 08:00)  • Avsluta prenumeration för ${group}`,
      '• Vilka prenumerationer har kanalen?',
    ].join('\n'),
  };
}

/**
 * Årshjul & påminnelser (DESIGN.md): next meeting, meetings in a period, deadlines, topics, and a
 * channel's reminder subscriptions. Answers in one turn; the calendar maths is in src/domain/calendar.
 */
export class ArshjulDialog extends CancelAndHelpDialog {
  constructor(private readonly deps: BotDeps) {
    super(ARSHJUL_DIALOG);
    this.addDialog(new WaterfallDialog(ARSHJUL_WATERFALL, [this.answerStep.bind(this)]));
    this.initialDialogId = ARSHJUL_WATERFALL;
  }

  protected helpReply(): Reply {
    return help(helpExamples(this.deps.data).group);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const now = turnNow(step.context, this.deps);
    const options = readRouteOptions(step.context, step.options, now);
    const text = options.text ?? step.context.activity.text ?? '';
    const today = zonedDay(new Date(options.now));
    await sendReply(step.context, await this.answer(step.context, text, today, new Date(options.now)));
    return step.endDialog();
  }

  /**
   * The answer to a question about the calendar, as a result (MainDialog's direct path);
   * undefined for what changes state or depends on the channel (subscriptions, adding meetings),
   * which the dialog handles.
   */
  answerFor(u: Understanding): Reply | undefined {
    const today = zonedDay(u.now);
    const reading = readingOf(this.deps, u);
    const reply = this.queryReply(u.text, today, reading, this.context(reading, today));
    return reply === undefined ? undefined : { ...reply, status: reply.status ?? 'answered' };
  }

  private context(reading: ArshjulReading, today: string): AnswerContext {
    const cal = calendarFromData(this.deps.data, this.deps.state.read().calendarAdditions);
    return {
      cal, groups: reading.groups, documents: this.deps.data.documents, today,
      forbund: reading.forbund, forbundName: forbundName(this.deps.data, reading.forbund),
    };
  }

  private async answer(context: TurnContext, text: string, today: string, now: Date): Promise<Reply> {
    const reading = readArshjulQuestion(this.deps, text, today, turnForbund(context));
    const ctx = this.context(reading, today);
    switch (reading.question?.intent) {
      case 'subscribe':
        return this.subscribe(context, text, reading, ctx, now);
      case 'unsubscribe':
        return this.unsubscribe(context, reading, ctx);
      case 'listSubscriptions':
        return this.listSubscriptions(context, ctx);
      case 'addEvent':
        return this.addEvents(context, text, reading, now);
      default:
        return this.queryReply(text, today, reading, ctx) ?? nextMeetingReply(ctx, reading.group?.id);
    }
  }

  /** Replies to the questions that only read the calendar; undefined for the intents that act. */
  private queryReply(text: string, today: string, reading: ArshjulReading, ctx: AnswerContext): Reply | undefined {
    const group = reading.group?.id;
    const q = reading.question;
    switch (q?.intent) {
      case 'subscribe':
      case 'unsubscribe':
      case 'listSubscriptions':
      case 'addEvent':
        return undefined;
      case 'deadline':
        return deadlineReply(ctx, group);
      case 'lastMeeting':
        return lastMeetingReply(ctx, group, Number(/\b(20\d\d)\b/.exec(text)?.[1] ?? 0) || undefined);
      case 'year':
        return yearReply(ctx, Number(/\b(20\d\d)\b/.exec(text)?.[1] ?? today.slice(0, 4)), group, q.meetingsOnly);
      case 'period':
        if (q.date) return periodReply(ctx, q.date, group, q.meetingsOnly);
        return nextMeetingReply(ctx, group);
      case 'topic':
        return topicReply(ctx, text, group, reading.named.flatMap((g) => [g.name, ...g.aliases])) ?? nextMeetingReply(ctx, group);
      case 'nextMeeting':
      default:
        return nextMeetingReply(ctx, group);
    }
  }

  private async subscribe(context: TurnContext, text: string, reading: ArshjulReading, ctx: AnswerContext, now: Date): Promise<Reply> {
    const request = parseSubscriptionRequest(text);
    if (request.problem) return { text: request.problem };
    const target = deliveryTargetOf(context);
    const refused = this.refuseSubscriptionChange(context, target, reading.named);
    if (refused) return refused;
    const channelKey = targetKey(target);
    if (reading.named.length === 0) {
      const choices = busiestGroups(this.deps.data, reading).map((g) => ({
        label: groupLabel(ctx, g.id, reading.forbund),
        value: `prenumerera på påminnelser för ${shortName(g)}`,
      }));
      const example = choices[0]?.value ?? 'prenumerera på påminnelser för styrelsen';
      return {
        text: `Vilken grupp vill kanalen få påminnelser för? Skriv till exempel ”${example}”. Påminnelserna går ut 7 och 1 dag före varje möte och deadline, kl. 08:00, om du inte anger annat (”3 dagar före kl 9”).`,
        choices,
      };
    }
    const from = context.activity.from;
    const created = reading.named.map((g) => ({
      id: subscriptionId(channelKey, reading.forbund, g.id),
      forbund: reading.forbund,
      group: g.id,
      target,
      channelKey,
      offsets: request.offsets,
      timeOfDay: request.timeOfDay,
      createdAt: now.toISOString(),
      createdBy: from ? `${context.activity.channelId}:${from.id}` : undefined,
      status: 'active' as const,
    }));
    await this.deps.state.update((draft) => {
      for (const s of created) {
        draft.subscriptions = draft.subscriptions.filter((x) => x.id !== s.id);
        draft.subscriptions.push(s);
      }
    });
    const names = created.map((s) => groupLabel(ctx, s.group, s.forbund)).join(' och ');
    const days = request.offsets.map((d) => (d === 0 ? 'samma dag' : `${d} ${d === 1 ? 'dag' : 'dagar'} före`)).join(' och ');
    const lines = [`Klart: den här kanalen får påminnelser för ${names} ${days} varje möte och deadline, kl. ${request.timeOfDay} (svensk tid).`];
    const upcoming = upcomingReminders(ctx.cal, created, now, 3);
    if (upcoming.length > 0) {
      lines.push('Närmast:');
      for (const r of upcoming) lines.push(`• ${formatSwedishDay(r.dueDay)} kl. ${r.timeOfDay}: ${r.occurrence.title} (${formatSwedishDay(r.occurrence.date)}, ${r.offset} ${r.offset === 1 ? 'dag' : 'dagar'} före)`);
    } else {
      lines.push('Dokumenten har inga kommande datum för gruppen just nu; påminnelserna börjar när kansliet har lagt in nästa mötesplan.');
    }
    return { text: lines.join('\n') };
  }

  /**
   * The kansli's chat command: "lägg till möte: styrelse; 2024-02-16; förmiddag; Budgetuppföljning"
   * (grupp; datum; [tid;] titel), or "importera mötesplan" followed by CSV lines with the header of
   * templates/motesplan.csv. Validated like the file import: all rows or nothing.
   */
  private async addEvents(context: TurnContext, text: string, reading: ArshjulReading, now: Date): Promise<Reply> {
    const { channelId, from } = context.activity;
    if (!isKansli(this.deps, channelId, from?.id)) return { text: KANSLI_ONLY_TEXT };
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    let csv: string;
    if (lines.length > 1) {
      csv = lines.slice(1).join('\n');
    } else {
      const fields = text.slice(text.indexOf(':') + 1).split(';').map((f) => f.trim());
      if (text.indexOf(':') < 0 || fields.length < 3 || fields.length > 4) {
        return { text: ADD_EVENT_USAGE };
      }
      const [grupp = '', datumText = '', ...rest] = fields;
      const titel = rest.at(-1) ?? '';
      const tid = rest.length === 2 ? (rest[0] ?? '') : '';
      const parsed = parseSwedishDate(datumText, zonedDay(now));
      const datum = parsed?.kind === 'day' ? parsed.day : datumText;
      const typ = /\bdeadline\b/i.test(text.slice(0, text.indexOf(':'))) ? 'deadline' : 'möte';
      const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
      csv = `förbund;grupp;datum;typ;tid;titel\n${[reading.forbund, grupp, datum, typ, tid, titel].map(cell).join(';')}`;
    }
    const outcome = await importCalendarText(this.deps, csv, 'csv', {
      by: userKey(channelId, from?.id ?? ''), at: now.toISOString(), via: 'chat',
    });
    return { text: outcome.ok ? `${outcome.message} Skriv ”möten i …” för att se dem.` : `${outcome.message}\n\n${ADD_EVENT_USAGE}` };
  }

  /**
   * Who may change a channel's subscriptions (issue 15, finding 9): the kansli group only the
   * kansli (its channel receives the kansli's reports); the other groups anyone in the channel,
   * and users the request does not show to be in it only when SUBSCRIBE_ANY_CHANNEL allows.
   */
  private refuseSubscriptionChange(context: TurnContext, target: DeliveryTarget, groups: readonly Pick<GroupName, 'id' | 'forbund'>[]): Reply | undefined {
    const { channelId, from } = context.activity;
    const kansli = isKansli(this.deps, channelId, from?.id);
    if (!kansli && groups.some((g) => this.isKansliGroup(g))) return { text: KANSLI_GROUP_ONLY_TEXT };
    if (!this.deps.subscribeAnyChannel && !userIsInConversation(context, target)) return { text: NOT_IN_CONVERSATION_TEXT };
    return undefined;
  }

  private isKansliGroup(group: Pick<GroupName, 'id' | 'forbund'>): boolean {
    return this.deps.data.organs.some((o) => o.id === group.id && o.forbund === group.forbund && o.kind === 'kansli');
  }

  private async unsubscribe(context: TurnContext, reading: ArshjulReading, ctx: AnswerContext): Promise<Reply> {
    const target = deliveryTargetOf(context);
    const channelKey = targetKey(target);
    const groups = new Set(reading.named.map((g) => g.id));
    // "avsluta prenumeration" without a group ends them all, the kansli group's too.
    const affected = reading.named.length > 0
      ? reading.named
      : this.deps.state.read().subscriptions.filter((s) => s.channelKey === channelKey).map((s) => ({ id: s.group, forbund: s.forbund }));
    const refused = this.refuseSubscriptionChange(context, target, affected);
    if (refused) return refused;
    const removed = await this.deps.state.update((draft) => {
      const gone = draft.subscriptions.filter((s) => s.channelKey === channelKey && (groups.size === 0 || groups.has(s.group)));
      draft.subscriptions = draft.subscriptions.filter((s) => !gone.includes(s));
      return gone;
    });
    if (removed.length === 0) return { text: 'Den här kanalen har ingen sådan prenumeration. Skriv ”vilka prenumerationer har kanalen?” för att se dem.' };
    return { text: `Klart: kanalen får inte längre påminnelser för ${removed.map((s) => groupLabel(ctx, s.group, s.forbund)).join(' och ')}.` };
  }

  private listSubscriptions(context: TurnContext, ctx: AnswerContext): Reply {
    const channelKey = targetKey(deliveryTargetOf(context));
    const subs = this.deps.state.read().subscriptions.filter((s) => s.channelKey === channelKey);
    if (subs.length === 0) return { text: 'Den här kanalen har inga prenumerationer. Skriv till exempel ”prenumerera på påminnelser för styrelsen”.' };
    return {
      text: [
        `Kanalen prenumererar på påminnelser för:`,
        ...subs.map((s) => `• ${groupLabel(ctx, s.group, s.forbund)}: ${s.offsets.join(' och ')} dagar före, kl. ${s.timeOfDay}${s.status === 'dead' ? ` – AVSTÄNGD: ${s.deadReason ?? 'kanalen svarar inte'}` : ''}`),
      ].join('\n'),
    };
  }
}
