import { describe, expect, test } from '@jest/globals';
import { normalize, normalizeCommand } from '../../src/domain/text.js';

describe('normalize', () => {
  test.each([
    ['Hjälp!', 'hjalp'],
    ['  Börja   OM ', 'borja om'],
    ['Åtaganden, Kontakter; "Vuxentorget"', 'ataganden kontakter vuxentorget'],
    ['Café Öst', 'cafe ost'],
    ['FK:s org.nr?', 'fk:s org.nr'],
    ['17/2 och 2023-01-01', '17/2 och 2023-01-01'],
    ['Siffror\tT2\n2023', 'siffror t2 2023'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('normalizeCommand drops trailing sentence punctuation', () => {
    expect(normalizeCommand('Avbryt.')).toBe('avbryt');
    expect(normalizeCommand('börja om!!')).toBe('borja om');
  });
});
