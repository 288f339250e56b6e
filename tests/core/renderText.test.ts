import { describe, expect, test } from '@jest/globals';
import { EXEMPELDATA_MARKER, renderText, renderTexts } from '../../src/core/renderText.js';

describe('renderText', () => {
  test('text only', () => {
    expect(renderText({ text: 'Hej.' })).toBe('Hej.');
  });

  test('facts, sources and numbered choices in blocks', () => {
    const text = renderText({
      text: 'Vuxentorgets budget 2023:',
      facts: [
        { label: 'Budget', value: '2 190 tkr' },
        { label: 'Utfall', value: '2 100 tkr' },
      ],
      sources: [
        { doc: '001_3b8f569c69f127f3.txt', section: 'Bilaga 6 Budget', title: 'Verksamhetsplan 2023' },
        { doc: '000_315788e0db8ba8e3.txt', section: '7. Deltagande parter och åtaganden' },
        { doc: '001_3b8f569c69f127f3.txt', section: 'Bilaga 6 Budget', title: 'Verksamhetsplan 2023' },
      ],
      choices: [{ label: 'Budget 2024' }, { label: 'Siffror T2', value: 'Siffror T2 Vuxentorget 2023' }],
    });
    expect(text).toBe(
      [
        'Vuxentorgets budget 2023:',
        '',
        '• Budget: 2 190 tkr',
        '• Utfall: 2 100 tkr',
        '',
        'Källa: Verksamhetsplan 2023, Bilaga 6 Budget',
        'Källa: 000_315788e0db8ba8e3.txt, 7. Deltagande parter och åtaganden',
        '',
        '1) Budget 2024',
        '2) Siffror T2',
      ].join('\n'),
    );
  });

  test('exempeldata is marked first', () => {
    expect(renderText({ text: 'Deltagare T2: 40', exempeldata: true }).split('\n')[0]).toBe(EXEMPELDATA_MARKER);
  });

  test('several replies are separated by a blank line', () => {
    expect(renderTexts([{ text: 'Ett' }, { text: 'Två' }])).toBe('Ett\n\nTvå');
  });
});
