import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { renderText } from '../../src/core/renderText.js';
import { answerApplications, applicationScore, applicationsIn } from '../../src/domain/applications/answer.js';
import { understand } from '../../src/understanding/understand.js';

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
    expect(applicationScore(data, understand(data, 'Vilket förslag fick arbetsgivarekonferensen?', new Date()))).toBeGreaterThan(0.9);
    expect(applicationScore(data, understand(data, 'arbetsgivarekonferens', new Date()))).toBeLessThan(0.9);
    expect(applicationScore(data, understand(data, 'När är nästa styrelsemöte?', new Date()))).toBe(0);
  });

  it('decides from the combination (src/domain/applications/cues.ts): a named application, then a word of applying or deciding', () => {
    expect(applicationScore(data, understand(data, 'Social lots på Ungdomstorget', new Date()))).toBe(0.7);
    expect(applicationScore(data, understand(data, 'Beviljades Social lots på Ungdomstorget?', new Date()))).toBe(0.92);
    expect(applicationScore(data, understand(data, 'Vad beviljades Ungdomstorget?', new Date()))).toBe(0);
  });
});

describe('the outcome of an application is not in the documents, only the proposal', () => {
  test('"fick … pengar till slut?" says the decision is not stated and gives the proposal; "föreslog …?" answers with the proposal', async () => {
    const { loadData } = await import('../../src/data/load.js');
    const { completeData } = await import('../../src/domain/answers/common.js');
    const { answerApplications } = await import('../../src/domain/applications/answer.js');
    const data = completeData(await loadData('data'));
    expect(answerApplications(data, 'Fick FK:s ansökan Fokus långa sjukfall pengar till slut?')?.text).toMatch(/^Beslutet om ”Fokus långa sjukfall” står inte i dokumenten – beredningsgruppens förslag var: .*Avslag/u);
    expect(answerApplications(data, 'Föreslog beredningsgruppen bifall till Fokus långa sjukfall?')?.text).not.toMatch(/står inte/u);
  });
});
