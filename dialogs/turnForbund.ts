import type { TurnContext } from 'botbuilder';

const TURN_FORBUND = Symbol('turnForbund');

interface TurnForbund {
  /** The conversation's förbund this turn: configured for its channel, passed by its edge, or chosen when the bot asked. */
  forbund?: string;
  /** Keeps a chosen förbund in the conversation state (saved with it at the end of the turn). */
  remember?: (forbund: string) => Promise<void>;
}

/** Sets the conversation's förbund for this turn (MainDialog.run, before any dialog runs). */
export function setTurnForbund(context: TurnContext, value: TurnForbund): void {
  context.turnState.set(TURN_FORBUND, value);
}

/** The förbund the conversation of this turn belongs to, or undefined when it belongs to none (the deployment's default then answers). */
export function turnForbund(context: TurnContext): string | undefined {
  return (context.turnState.get(TURN_FORBUND) as TurnForbund | undefined)?.forbund;
}

/** The conversation now belongs to `forbund`: for the rest of this turn, and (remembered) for its later turns. */
export async function chooseTurnForbund(context: TurnContext, forbund: string): Promise<void> {
  const current = context.turnState.get(TURN_FORBUND) as TurnForbund | undefined;
  await current?.remember?.(forbund);
  setTurnForbund(context, { ...current, forbund });
}
