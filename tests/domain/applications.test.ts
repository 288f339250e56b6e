import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { renderText } from '../../src/core/renderText.js';
import { answerApplications, applicationScore, applicationsIn } from '../../src/domain/applications/answer.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

describe('applications (002 Bilaga 2)', () => {
  it('a named application gets both halves: sökt summa and the beredningsgrupp\'s förslag', () => {
    const reply = answerApplications(data, 'Vad sökte Viva för Vårdskap ASF och vad föreslog beredningsgruppen?');
    const text = renderText(reply ?? { text: '' });
    expect(text).toContain('160 tkr');
    expect(text).toContain('Avslag');
    expect(reply?.sources?.[0]?.section).toContain('Vårdskap');
  });

  it('names an application by the words of its title, not by one shared word', () => {
    expect(applicationsIn(data, 'social lots på ungdomstorget').map((a) => a.id)).toEqual(['social-lots-ungdomstorget']);
    expect(applicationsIn(data, 'Vad gör Ungdomstorget?')).toEqual([]);
  });

  it('scores high only with an application word', () => {
    expect(applicationScore(data, 'Vilket förslag fick arbetsgivarekonferensen?')).toBeGreaterThan(0.9);
    expect(applicationScore(data, 'arbetsgivarekonferens')).toBeLessThan(0.9);
    expect(applicationScore(data, 'När är nästa styrelsemöte?')).toBe(0);
  });
});
