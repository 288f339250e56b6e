/** What `npm run ask` was asked to do. */
export type AskCommand =
  | { mode: 'question'; question: string; today?: string; json: boolean }
  | { mode: 'batch'; file: string; json: boolean };

export const ASK_USAGE =
  'Användning: npm run -s ask -- [--today ÅÅÅÅ-MM-DD] [--json] "<fråga>"\n' +
  '        eller npm run -s ask -- --batch FIL.jsonl   (rader {"id","text","today"?})';

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
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--today' || arg === '--batch') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} behöver ett värde.\n${ASK_USAGE}`);
      if (arg === '--today') today = value;
      else batch = value;
      i += 1;
    } else if (arg.startsWith('--today=')) today = arg.slice('--today='.length);
    else if (arg.startsWith('--batch=')) batch = arg.slice('--batch='.length);
    else if (arg === '--help' || arg === '-h') throw new Error(ASK_USAGE);
    else if (arg.startsWith('--')) throw new Error(`Okänd flagga: ${arg}\n${ASK_USAGE}`);
    else words.push(arg);
  }
  if (today !== undefined && !isIsoDay(today)) throw new Error(`Ogiltigt datum för --today: ${today} (väntade ÅÅÅÅ-MM-DD)`);
  if (batch !== undefined) {
    if (words.length > 0) throw new Error(`Ange antingen --batch eller en fråga, inte båda.\n${ASK_USAGE}`);
    return { mode: 'batch', file: batch, json };
  }
  const question = words.join(' ').trim();
  if (question === '') throw new Error(`Skriv en fråga.\n${ASK_USAGE}`);
  return { mode: 'question', question, today, json };
}
