import { findGroups, type GroupName } from '../../../src/domain/calendar/groups.js';

const g = (id: string, name: string, aliases: string[], kind: 'organ' | 'verksamhet' = 'organ'): GroupName => ({ id, forbund: 'umearegionen', kind, name, aliases });
const GROUPS = [
  g('styrelse', 'Samordningsförbundets styrelse', ['styrelsen', 'styrelse']),
  g('ssg', 'Strategiska samverkansgruppen', ['SSG', 'strategiska samverkansgruppen']),
  g('arbetsutskott', 'Arbetsutskottet', ['AU']),
  g('styrgrupp-vuxentorget', 'Vuxentorgets styrgrupp', ['styrgruppen för Vuxentorget']),
  g('vuxentorget', 'Vuxentorget', ['vuxentorget'], 'verksamhet'),
  g('ungdomstorget', 'Ungdomstorget', ['UT'], 'verksamhet'),
];

test.each([
  ['När är nästa styrelsemöte?', ['styrelse']],
  ['nasta ssg-mote', ['ssg']],
  ['SSG:s planeringsdag', ['ssg']],
  ['styrelsen och SSG i maj', ['styrelse', 'ssg']],
  ['När träffas styrgruppen för Vuxentorget?', ['styrgrupp-vuxentorget']],
  ['Vad händer på Vuxentorget?', ['vuxentorget']],
  ['När ska AU träffas?', ['arbetsutskott']],
  ['vi går ut i maj', []],
  ['Vad gör UT i maj?', ['ungdomstorget']],
  ['nästa styrelsmöte?', ['styrelse']],
  ['när är nästa möte i styrlesen', ['styrelse']],
])('%s', (text, expected) => {
  expect(findGroups(text, GROUPS).map((m) => m.group.id)).toEqual(expected);
});
