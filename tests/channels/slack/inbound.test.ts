import { pressFromActions, slackTextToPlain, turnFromCommand, turnFromEvent } from '../../../src/channels/slack/inbound.js';

const BOT = 'UBOT';
const envelope = (event: Record<string, unknown>) => ({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event });

describe('slackTextToPlain', () => {
  it.each([
    ['<@UBOT> vem kontaktar jag på psykiatrin?', 'vem kontaktar jag på psykiatrin?'],
    ['<@UBOT|samverkansboten>: hjälp', 'hjälp'],
    ['Fråga <@U123|anna> om <#C1|styrgrupp> &amp; SSG', 'Fråga @anna om #styrgrupp & SSG'],
    ['Se <https://example.org/a|avtalet> och <mailto:x@y.se|x@y.se>', 'Se avtalet och x@y.se'],
    ['<!here> 1 &lt; 2 &gt; 0', '@here 1 < 2 > 0'],
    // Lines stay lines (a pasted CSV); spaces within a line collapse.
    ['  flera \n  rader  ', 'flera\nrader'],
    [`<@${BOT}>\nimportera tertialrapport\n\n\n\na;b`, 'importera tertialrapport\n\na;b'],
  ])('%s → %s', (input, expected) => {
    expect(slackTextToPlain(input, BOT)).toBe(expected);
  });
});

describe('turnFromEvent', () => {
  it('a DM is a flat conversation per channel, answered in the channel', () => {
    expect(turnFromEvent(envelope({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hej', ts: '1.1' }), BOT)).toEqual({
      conversationId: 'T1:D1',
      userId: 'U1',
      text: 'hej',
      target: { kind: 'post', channel: 'D1', threadTs: undefined },
      place: { team: 'T1', channel: 'D1', threadTs: undefined },
    });
  });

  it('a DM written in a thread stays in that thread', () => {
    const turn = turnFromEvent(envelope({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hej', ts: '2.2', thread_ts: '1.1' }), BOT);
    expect(turn?.conversationId).toBe('T1:D1:1.1');
    expect(turn?.target).toEqual({ kind: 'post', channel: 'D1', threadTs: '1.1' });
  });

  it('a mention starts a thread on the mentioning message', () => {
    const turn = turnFromEvent(envelope({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT> hjälp', ts: '5.5' }), BOT);
    expect(turn).toEqual({
      conversationId: 'T1:C1:5.5',
      userId: 'U1',
      text: 'hjälp',
      target: { kind: 'post', channel: 'C1', threadTs: '5.5' },
      place: { team: 'T1', channel: 'C1', threadTs: '5.5' },
    });
  });

  it.each([
    ['an edit', { type: 'message', channel_type: 'im', channel: 'D1', subtype: 'message_changed', ts: '1' }],
    ['a bot message', { type: 'message', channel_type: 'im', channel: 'D1', bot_id: 'B1', user: 'U9', text: 'x', ts: '1' }],
    ['our own message', { type: 'message', channel_type: 'im', channel: 'D1', user: BOT, text: 'x', ts: '1' }],
    ['a channel message (the mention arrives as app_mention)', { type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: '<@UBOT> x', ts: '1' }],
    ['a bare mention', { type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT>', ts: '1' }],
    ['another event type', { type: 'reaction_added', user: 'U1', item: {} }],
  ])('ignores %s', (_name, event) => {
    expect(turnFromEvent(envelope(event), BOT)).toBeUndefined();
  });
});

describe('turnFromCommand', () => {
  it("is the user's own conversation in the channel, answered through the response_url", () => {
    expect(turnFromCommand({ command: '/samverkan', text: 'när är nästa SSG?', team_id: 'T1', channel_id: 'C1', user_id: 'U1' })).toEqual({
      conversationId: 'T1:C1:U1',
      userId: 'U1',
      text: 'när är nästa SSG?',
      target: { kind: 'respond' },
      place: { team: 'T1', channel: 'C1' },
    });
  });

  it('with no text asks for help', () => {
    expect(turnFromCommand({ command: '/samverkan', text: '', team_id: 'T1', channel_id: 'C1', user_id: 'U1' })?.text).toBe('hjälp');
  });
});

describe('pressFromActions', () => {
  const base = {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: 'U1' },
    channel: { id: 'C1' },
    actions: [{ action_id: 'samverkan_choice_1', value: 'avbryt', text: { type: 'plain_text', text: 'Nej, avbryt' } }],
  };

  it('a press in a thread continues that thread', () => {
    const press = pressFromActions({ ...base, container: { type: 'message', message_ts: '9.9', channel_id: 'C1' }, message: { ts: '9.9', thread_ts: '5.5', blocks: [] } });
    expect(press?.turn).toEqual({
      conversationId: 'T1:C1:5.5',
      userId: 'U1',
      text: 'avbryt',
      target: { kind: 'post', channel: 'C1', threadTs: '5.5' },
      place: { team: 'T1', channel: 'C1', threadTs: '5.5' },
    });
    expect(press?.label).toBe('Nej, avbryt');
    expect(press?.message).toEqual({ channel: 'C1', ts: '9.9', blocks: [] });
    expect(press?.pressKey).toBe('press:T1:C1:9.9');
  });

  it('a press on an ephemeral message continues the user’s slash-command conversation', () => {
    const press = pressFromActions({ ...base, container: { type: 'message', message_ts: '9.9', channel_id: 'C1', is_ephemeral: true } });
    expect(press?.turn).toEqual({
      conversationId: 'T1:C1:U1',
      userId: 'U1',
      text: 'avbryt',
      target: { kind: 'respond' },
      place: { team: 'T1', channel: 'C1' },
    });
    expect(press?.message).toBeUndefined();
  });

  it('ignores a payload without a value', () => {
    expect(pressFromActions({ ...base, actions: [{ action_id: 'x' }], container: { message_ts: '1' } })).toBeUndefined();
  });
});
