import { describe, expect, test } from '@jest/globals';
import { matchCommand } from '../../src/domain/commands.js';

describe('matchCommand', () => {
  test.each([
    ['avbryt', 'cancel'],
    ['Avsluta!', 'cancel'],
    ['HJÄLP', 'help'],
    ['hjalp', 'help'],
    ['Börja om', 'restart'],
    ['borja om.', 'restart'],
    ['tillbaka', 'back'],
    ['Hallå', 'greeting'],
    ['tja', 'greeting'],
  ])('%j is %s', (text, command) => {
    expect(matchCommand(text)).toBe(command);
  });

  test.each(['hjälp med budgeten', 'avbryt aktualiseringen av en person?', 'hej, när är nästa styrelsemöte?', ''])(
    'a command inside a question is not a command: %j',
    (text) => {
      expect(matchCommand(text)).toBeUndefined();
    },
  );
});
