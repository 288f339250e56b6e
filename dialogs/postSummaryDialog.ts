import { randomUUID } from 'node:crypto';
import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { KANSLI_ONLY_TEXT, isKansli, userKey } from '../src/core/roles.js';
import { replyActivity, sendReply } from '../src/core/sendReply.js';
import { deliver, type SendResult } from '../src/delivery/types.js';
import { groupNames } from '../src/domain/tertial/answers.js';
import { parsePostRequest, reportToPost, summaryReply } from '../src/domain/tertial/postSummary.js';
import { normalize } from '../src/domain/text.js';
import { latestReports } from '../src/tertial/reportsStore.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { readRouteOptions } from './routeOptions.js';
import { helpExamples } from '../src/domain/examples.js';
import { turnNow } from './turnClock.js';

export const POST_SUMMARY_DIALOG = 'postSummaryDialog';
const POST_WATERFALL = 'postSummaryWaterfall';
const CONFIRM_PROMPT = 'postSummaryConfirm';

/** What the preview step hands the send step (persisted dialog state: plain JSON). */
interface Pending {
  reportId: string;
  forbund: string;
  organ: string;
  organName: string;
}

/** The kansli's command, with a verksamhet of the deployment's own (src/domain/examples.ts). */
const postExample = (verksamhet: string) => `Posta T2-sammanfattning för ${verksamhet} till styrgruppen`;

function help(verksamhet: string): Reply {
  return {
    text: [
      'Posta en tertialsammanfattning (bara kansliet):',
      `• "${postExample(verksamhet)}" – jag visar en förhandsvisning,`,
      '• svara "skicka" för att posta den till kanalerna som prenumererar på gruppen, eller "avbryt".',
    ].join('\n'),
  };
}

/**
 * "Posta T2-sammanfattning för Vuxentorget till styrgruppen" (issue 7, Kansli): only a configured
 * kansli user; a preview first, then "skicka" posts the summary through the delivery registry to
 * every channel subscribed to the group, and the post is recorded in the audit log.
 */
export class PostSummaryDialog extends CancelAndHelpDialog {
  constructor(private readonly deps: BotDeps) {
    super(POST_SUMMARY_DIALOG);
    this.addDialog(new TextPrompt(CONFIRM_PROMPT));
    this.addDialog(new WaterfallDialog(POST_WATERFALL, [this.previewStep.bind(this), this.sendStep.bind(this)]));
    this.initialDialogId = POST_WATERFALL;
  }

  protected helpReply(): Reply {
    return help(helpExamples(this.deps.data).verksamhet);
  }

  private actor(step: WaterfallStepContext): string {
    const a = step.context.activity;
    return userKey(a.channelId, a.from?.id ?? 'okänd');
  }

  private allowed(step: WaterfallStepContext): boolean {
    const a = step.context.activity;
    return isKansli(this.deps, a.channelId, a.from?.id);
  }

  private activeSubscriptions(forbund: string, organ: string) {
    return this.deps.state.read().subscriptions.filter((s) => s.forbund === forbund && s.group === organ && s.status === 'active');
  }

  private async previewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!this.allowed(step)) {
      await sendReply(step.context, { text: KANSLI_ONLY_TEXT });
      return step.endDialog();
    }
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    const req = parsePostRequest(options.text ?? '', this.deps.data, groupNames(this.deps.data));
    if (!req.verksamhet) {
      await sendReply(step.context, { text: `Vilken verksamhet gäller det? Skriv t.ex. "${postExample(helpExamples(this.deps.data).verksamhet)}".` });
      return step.endDialog();
    }
    const reports = latestReports(this.deps.state.read());
    const report = reportToPost(reports, req);
    if (!report) {
      const period = [req.tertial, req.year].filter(Boolean).join(' ');
      await sendReply(step.context, { text: `Inga siffror är inlämnade för ${req.verksamhet.name}${period ? ` ${period}` : ''}, så det finns inget att posta. Importera rapporten först (npm run import -- tertial FIL).` });
      return step.endDialog();
    }
    if (!req.organ) {
      await sendReply(step.context, { text: `Till vilken grupp ska sammanfattningen? Skriv t.ex. "… till styrgruppen" eller "… till styrelsen".` });
      return step.endDialog();
    }
    const subs = this.activeSubscriptions(req.organ.forbund, req.organ.id);
    if (subs.length === 0) {
      await sendReply(step.context, { text: `Ingen kanal prenumererar på ${req.organ.name}, så det finns ingenstans att posta. En kanal kan prenumerera genom att skriva "prenumerera på ${req.organ.name}".` });
      return step.endDialog();
    }
    const summary = summaryReply(this.deps.data, report, reports, req.verksamhet.name);
    const pending: Pending = { reportId: report.id, forbund: req.organ.forbund, organ: req.organ.id, organName: req.organ.name };
    (step.values as { pending?: Pending }).pending = pending;
    await sendReply(step.context, { text: `Förhandsvisning – så här blir inlägget till ${req.organ.name} (${subs.length} kanal${subs.length === 1 ? '' : 'er'}: ${subs.map((s) => s.channelKey).join(', ')}):` });
    await sendReply(step.context, summary);
    const ask: Reply = { text: 'Svara "skicka" för att posta, eller "avbryt".', choices: [{ label: 'Skicka', value: 'skicka' }, { label: 'Avbryt', value: 'avbryt' }] };
    return step.prompt(CONFIRM_PROMPT, { prompt: replyActivity(ask) });
  }

  private async sendStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const pending = (step.values as { pending?: Pending }).pending;
    const answer = normalize(typeof step.result === 'string' ? step.result : '');
    if (!pending || !/^(skicka|ja|posta|1)$/.test(answer)) {
      await sendReply(step.context, { text: 'Okej, inget postades.' });
      return step.endDialog();
    }
    if (!this.allowed(step)) {
      await sendReply(step.context, { text: KANSLI_ONLY_TEXT });
      return step.endDialog();
    }
    const state = this.deps.state.read();
    const reports = latestReports(state);
    const report = state.tertialReports.find((r) => r.id === pending.reportId);
    if (!report) {
      await sendReply(step.context, { text: 'Rapporten finns inte längre, inget postades.' });
      return step.endDialog();
    }
    const name = this.deps.data.verksamheter.find((v) => v.id === report.verksamhet && v.forbund === report.forbund)?.name ?? report.verksamhet;
    const summary = summaryReply(this.deps.data, report, reports, name);
    const postId = randomUUID();
    const results: { channel: string; result: SendResult }[] = [];
    for (const sub of this.activeSubscriptions(pending.forbund, pending.organ)) {
      let result: SendResult;
      if (!this.deps.delivery) result = { status: 'dead', reason: 'ingen leveranskanal är konfigurerad' };
      else {
        try {
          result = await deliver(this.deps.delivery, sub.target, summary, { idempotencyKey: `tertial-post|${postId}|${sub.id}` });
        } catch (error) {
          result = { status: 'retry', reason: `okänt utfall: ${String(error)}` };
        }
      }
      results.push({ channel: sub.channelKey, result });
    }
    const sent = results.filter((r) => r.result.status === 'sent');
    const failed = results.filter((r) => r.result.status !== 'sent');
    const at = turnNow(step.context, this.deps).toISOString();
    await this.deps.state.update((draft) => {
      draft.audit.push({
        id: postId,
        at,
        actor: this.actor(step),
        action: 'tertial-post',
        summary: `Postade tertialsammanfattning ${name} ${report.tertial} ${report.year} till ${pending.organName}: ${sent.length} av ${results.length} kanaler.`,
        details: {
          report: report.id,
          group: pending.organ,
          sent: sent.map((r) => r.channel),
          failed: failed.map((r) => `${r.channel}: ${r.result.status === 'sent' ? '' : (r.result.reason ?? r.result.status)}`),
          exempeldata: report.exempeldata,
        },
      });
    });
    const lines = [`Postat till ${sent.length} av ${results.length} kanal${results.length === 1 ? '' : 'er'} som prenumererar på ${pending.organName}.`];
    if (failed.length > 0) lines.push(`Kunde inte postas till: ${failed.map((r) => `${r.channel} (${r.result.status === 'sent' ? '' : (r.result.reason ?? r.result.status)})`).join(', ')}.`);
    lines.push('Posten är loggad (npm run audit).');
    await sendReply(step.context, { text: lines.join('\n') });
    return step.endDialog();
  }
}
