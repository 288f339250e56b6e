import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/**
 * botbuilder-dialogs builds its memory scopes and path resolvers anew on every turn (a service
 * collection, zod checks and nine scope objects: about a tenth of a turn, npm run bench) and keeps
 * them in turn state under this key for the turn's other dialog contexts. They hold nothing of a
 * turn (names and keys only), so the first turn's are handed to every later turn.
 * botbuilder-dialogs 4.23.3 is the last release (STACK.md): the key will not move.
 */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

let shared: DialogStateManagerConfiguration | undefined;

/** Before the turn's first dialog context: the configuration an earlier turn built, if any. */
export function shareDialogStateConfiguration(context: TurnContext): void {
  if (shared !== undefined && context.turnState.get(CONFIGURATION_KEY) === undefined) context.turnState.set(CONFIGURATION_KEY, shared);
}

/** After the turn's first dialog context: its configuration, for the turns after it. */
export function keepDialogStateConfiguration(dc: DialogContext): void {
  shared ??= dc.state.configuration;
}
