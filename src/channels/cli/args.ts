/** What `npm run ask` was asked to do. */
export type AskCommand =
  | { mode: 'question'; question: string; today?: string; json: boolean; forbund?: string }
  | { mode: 'batch'; file: string; json: boolean; forbund?: string };

export const ASK_USAGE =
  'Användning: npm run -s ask -- [--today ÅÅÅÅ-MM-DD] [--forbund <id>] [--json] "<fråga>"\n' +
  '        eller npm run -s ask -- [--forbund <id>] --batch FIL.jsonl   (rader {"id","text","today"?})';

export const CHAT_USAGE = 'Användning: npm run chat -- [--today ÅÅÅÅ-MM-DD] [--forbund <id>]';

/** What `npm run chat` was asked to do. */
export interface ChatCommand {
  today?: string;
  forbund?: string;
}

/** A förbund id as data/ names its folders; whether it exists is checked against the data (runtime.ts). */
const FORBUND_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkForbund(value: string | undefined, usage: string): string | undefined {
  if (value !== undefined && !FORBUND_ID.test(value)) throw new Error(`Ogiltigt förbund för --forbund: ${value} (väntade ett förbunds id, t.ex. mappnamnet under data/)\n${usage}`);
  return value;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const at = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value);
}

/** Parses the arguments after `--`; throws an Error with a Swedish message on misuse. */
export function parseAskArgs(argv: readonly string[]): AskCommand {
  let today: string | undefined;
  let batch: string | undefined;
  let json = false;
  let forbund: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--today' || arg === '--batch' || arg === '--forbund') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} behöver ett värde.\n${ASK_USAGE}`);
      if (arg === '--today') today = value;
      else if (arg === '--forbund') forbund = value;
      else batch = value;
      i += 1;
    } else if (arg.startsWith('--today=')) today = arg.slice('--today='.length);
    else if (arg.startsWith('--forbund=')) forbund = arg.slice('--forbund='.length);
    else if (arg.startsWith('--batch=')) batch = arg.slice('--batch='.length);
    else if (arg === '--help' || arg === '-h') throw new Error(ASK_USAGE);
    else if (arg.startsWith('--')) throw new Error(`Okänd flagga: ${arg}\n${ASK_USAGE}`);
    else words.push(arg);
  }
  if (today !== undefined && !isIsoDay(today)) throw new Error(`Ogiltigt datum för --today: ${today} (väntade ÅÅÅÅ-MM-DD)`);
  checkForbund(forbund, ASK_USAGE);
  const inForbund = forbund === undefined ? {} : { forbund };
  if (batch !== undefined) {
    if (words.length > 0) throw new Error(`Ange antingen --batch eller en fråga, inte båda.\n${ASK_USAGE}`);
    return { mode: 'batch', file: batch, json, ...inForbund };
  }
  const question = words.join(' ').trim();
  if (question === '') throw new Error(`Skriv en fråga.\n${ASK_USAGE}`);
  return { mode: 'question', question, today, json, ...inForbund };
}

/** Parses `npm run chat`'s arguments after `--`; throws an Error with a Swedish message on misuse. */
export function parseChatArgs(argv: readonly string[]): ChatCommand {
  const out: ChatCommand = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') throw new Error(CHAT_USAGE);
    if (flag !== '--today' && flag !== '--forbund') throw new Error(`Okänd flagga: ${arg}\n${CHAT_USAGE}`);
    const value = inline ?? argv[i + 1];
    if (value === undefined || value === '' || value.startsWith('--')) throw new Error(`${flag} behöver ett värde.\n${CHAT_USAGE}`);
    if (inline === undefined) i += 1;
    if (flag === '--today') out.today = value;
    else out.forbund = value;
  }
  if (out.today !== undefined && !isIsoDay(out.today)) throw new Error(`Ogiltigt datum för --today: ${out.today} (väntade ÅÅÅÅ-MM-DD)`);
  checkForbund(out.forbund, CHAT_USAGE);
  return out;
}
