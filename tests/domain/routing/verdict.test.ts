import { describe, expect, test } from '@jest/globals';
import { verdictOf } from '../../../src/domain/routing/verdict.js';
import { verdictFirst } from '../../../src/domain/routing/answerFirst.js';

describe('verdictOf: Ja/Nej only where the answering sentence decides it', () => {
  test('the question\'s amount against a limit of the same unit', () => {
    const rule = 'Bedömer och planerar insatser för kunder vars arbetsförmåga uppgår till minst 10 timmar/vecka.';
    expect(verdictOf('Får AF planera insatser för en kund med arbetsförmåga 6 timmar i veckan?', rule)).toBe('Nej');
    expect(verdictOf('Får AF planera insatser för en kund med arbetsförmåga 12 timmar i veckan?', rule)).toBe('Ja');
    expect(verdictOf('Får man vara borta 3 månader?', 'Frånvaro högst 2 månader.')).toBe('Nej');
    // Another unit decides nothing.
    expect(verdictOf('Räcker 6 dagar?', 'minst 10 timmar/vecka')).toBeUndefined();
  });

  test('the question\'s own word said negated in the answer', () => {
    expect(verdictOf('Är Försäkringskassans personal samlokaliserad på Vuxentorget?', 'Försäkringsutredare (ej samlokaliserade).')).toBe('Nej');
    expect(verdictOf('Är personalen samlokaliserad?', 'Medarbetare (samlokaliserade), ett 40-tal.')).toBeUndefined();
  });

  test('a requirement the question does without is a Nej; a decision word against its opposite is a Nej', () => {
    expect(verdictOf('Får man delta utan samtycke?', 'Samverkan kräver samtycke; ej utan samtycke.')).toBe('Nej');
    expect(verdictOf('Kan jag aktualisera någon utan att personen har gett sitt samtycke?', 'All samverkan bygger på att individen har lämnat sitt medgivande (samtycke).')).toBe('Nej');
    expect(verdictOf('kan af planera insatser om kunden inte har 10 tim/v', 'Planerar insatser för kunder vars arbetsförmåga uppgår till minst 10 timmar/vecka.')).toBe('Nej');
    expect(verdictOf('Föreslog beredningsgruppen bifall till ansökan?', 'Beredningsgruppens förslag: Prio 5: Avslag.')).toBe('Nej');
    expect(verdictOf('Föreslog beredningsgruppen bifall till ansökan?', 'Beredningsgruppens förslag: Prio 1: Bifall.')).toBe('Ja');
    expect(verdictOf('Fick ansökan avslag?', 'Styrelsen beslutade om bifall och avslag.')).toBeUndefined();
  });

  test('a count per period against the sentence\'s count for the same period', () => {
    const rule = 'Varje verksamhet lämnar tre rapporter per år.';
    expect(verdictOf('Räcker det att vår verksamhet rapporterar till förbundet två gånger per år?', rule)).toBe('Nej');
    expect(verdictOf('Ska verksamheten lämna 3 rapporter per år?', rule)).toBe('Ja');
    // More than the sentence's count, or another period, decides nothing.
    expect(verdictOf('Får vi lämna fem rapporter per år?', rule)).toBeUndefined();
    expect(verdictOf('Räcker det med två rapporter per månad?', rule)).toBeUndefined();
  });

  test('a year against the period the sentence says something holds for', () => {
    const validity = 'Överenskommelsen/handlingsplanen gäller från och med 2023-01-01 till 2023-12-31.';
    expect(verdictOf('Gäller överenskommelsen automatiskt även 2024?', validity)).toBe('Nej');
    expect(verdictOf('Gäller överenskommelsen 2023?', validity)).toBe('Ja');
    expect(verdictOf('Gäller avtalet 2022?', 'Avtalet gäller 2021–2022.')).toBe('Ja');
    // "Tills vidare" asks whether it has an end, whatever year the question names.
    expect(verdictOf('Gäller överenskommelsen för 2023 tills vidare?', validity)).toBe('Nej');
    expect(verdictOf('Gäller avtalet tills vidare?', 'Avtalet gäller tillsvidare med tre månaders uppsägning.')).toBe('Ja');
    // A sentence that says nothing of validity decides nothing.
    expect(verdictOf('Gäller överenskommelsen 2024?', 'Budgeten omfattar 2023–2025.')).toBeUndefined();
  });

  test('a negated statement asked to be confirmed, negated in the sentence too: Stämmer', () => {
    const line = 'Arbetsförmedlingen kan ingå men ej som en finansierad part i dagsläget.';
    expect(verdictOf('Arbetsförmedlingen är väl inte part i uppdragsavtalet?', line)).toBe('Stämmer');
    expect(verdictOf('Stämmer det att Arbetsförmedlingen inte är part i avtalet?', line)).toBe('Stämmer');
    expect(verdictOf('Provrum kortutbildade finns väl inte med i budgeten 2025?', 'Provrum kortutbildade 2025: inget belopp (budgeterad kostnad).')).toBe('Stämmer');
    // Not asked as a confirmation, or not negated in the sentence: no verdict.
    expect(verdictOf('Kan man delta om man inte är part?', line)).toBeUndefined();
    expect(verdictOf('Arbetsförmedlingen är väl inte part?', 'Arbetsförmedlingen är part i avtalet.')).toBeUndefined();
  });

  test('a negated predicate a few words after the negation', () => {
    expect(verdictOf('Kunde asylsökande få stöd i projektet?', 'Märkligt att asylsökande nämns i ansökan då de inte kan få stödet.')).toBe('Nej');
    // An auxiliary verb of the question negated says nothing.
    expect(verdictOf('Kan deltagaren få stöd?', 'Deltagaren kan inte längre delta i gruppen men får stöd.')).toBeUndefined();
  });

  test('no guessed verdict, and none for a negated question', () => {
    expect(verdictOf('Räcker det att rehabkoordinatorn är med digitalt?', 'Rehabkoordinatorn medverkar fysiskt minst 2 timmar/månad.')).toBeUndefined();
    expect(verdictOf('Har personen inte fått något beslut?', 'Beslut fattas i styrelsen i november.')).toBeUndefined();
  });

  test('verdictFirst puts it before the first line of an answered yes/no reply only', () => {
    const reply = { text: 'Försäkringsutredare (ej samlokaliserade).\nMer.', status: 'answered' as const };
    expect(verdictFirst('Är personalen samlokaliserad?', 'yesno', reply).text).toBe('Nej – Försäkringsutredare (ej samlokaliserade).\nMer.');
    expect(verdictFirst('Vilken personal är samlokaliserad?', 'vad', reply)).toBe(reply);
    expect(verdictFirst('Är personalen samlokaliserad?', 'yesno', { ...reply, text: 'Ja – redan sagt' }).text).toBe('Ja – redan sagt');
  });
});

describe('a proposal is no decision', () => {
  test('"beslutade styrelsen att bevilja …?" gets no verdict from "beredningsgruppens förslag: Bifall"', async () => {
    const { verdictOf } = await import('../../../src/domain/routing/verdict.js');
    expect(verdictOf('Beslutade styrelsen den 21 april 2017 att bevilja Social lots på Ungdomstorget?', 'Social lots på Ungdomstorget: beredningsgruppens förslag: Prio 1: Bifall.')).toBeUndefined();
    expect(verdictOf('Beviljade styrelsen Social lots på Ungdomstorget vid mötet 21 april 2017?', 'Social lots på Ungdomstorget: beredningsgruppens förslag: Prio 1: Bifall.')).toBeUndefined();
    expect(verdictOf('Föreslog beredningsgruppen bifall till Social lots?', 'Social lots på Ungdomstorget: beredningsgruppens förslag: Prio 1: Bifall.')).toBe('Ja');
  });
});

describe('verdictOf: presence, money, sign, still and the beredningsgrupp\'s proposal', () => {
  test('a verb of presence or money said negated is a Nej; a money question confirmed negated is Stämmer', () => {
    expect(verdictOf('finns det pengar i VP 2014–2016 för en sådan tjänst?', 'I VP 2014-2016 finns inget ekonomiskt utrymme för en sådan tjänst.')).toBe('Nej');
    expect(verdictOf('finns det pengar till provrum kortutbildade 2025 också?', 'Provrum kortutbildade 2025: inget belopp (budgeterad kostnad).')).toBe('Nej');
    expect(verdictOf('Provrum kortutbildade har väl inga pengar 2025?', 'Provrum kortutbildade 2025: inget belopp (budgeterad kostnad).')).toBe('Stämmer');
    expect(verdictOf('Finns det en styrgrupp?', 'Steget vidare leds av en styrgrupp.')).toBeUndefined();
  });

  test('"underskott?" is decided by the sign of the result', () => {
    expect(verdictOf('Blir det underskott för förbundet 2023?', 'Resultat 2023: -1 150 tkr.')).toBe('Ja');
    expect(verdictOf('Blir det underskott 2025?', 'Resultat 2025: 370 tkr.')).toBe('Nej');
    expect(verdictOf('Blir det överskott 2025?', 'Resultat 2025: 370 tkr.')).toBe('Ja');
  });

  test('"fortfarande?" is Nej when only the older statement says what is asked', () => {
    const s = 'Arbetsmarknadstorgen bemannas av försäkringsutredare (Överenskommelse 2023). Äldre uppgift – Överenskommelse Vuxentorget 2020: Försäkringskassan bemannar Vuxentorget med personliga handläggare.';
    expect(verdictOf('bemannar fk fortfarande vuxentorget med personliga handläggare?', s)).toBe('Nej');
    expect(verdictOf('bemannar fk vuxentorget med personliga handläggare?', 'Försäkringskassan bemannar Vuxentorget med personliga handläggare.')).toBeUndefined();
  });

  test('"fick ansökan ja/stöd av beredningsgruppen?" is answered by the proposal; "till slut?" is not', () => {
    const proposal = 'Ansökan ”Fokus långa sjukfall”: sökande Försäkringskassan, beredningsgruppens förslag: Prio 5: Avslag.';
    expect(verdictOf('fick fokus långa sjukfall ja från beredningsgruppen?', proposal)).toBe('Nej');
    expect(verdictOf('Fick Försäkringskassans ansökan Fokus långa sjukfall stöd av beredningsgruppen?', proposal)).toBe('Nej');
    expect(verdictOf('Fick ansökan pengar till slut?', proposal)).toBeUndefined();
  });
});

describe('verdictOf: a way round the required one', () => {
  test('"… direkt utan att gå via AF, FK eller kommunen?" against "alla deltagare aktualiseras via …" is Nej', () => {
    const rule = 'Enligt Steget vidare 2014–2016: Alla deltagare aktualiseras via Arbetsförmedlingen, Försäkringskassan, Umeå kommun och Psykiatrin.';
    expect(verdictOf('kan jag skicka en patient direkt till Steget vidare utan att gå via AF, FK eller kommunen?', rule)).toBe('Nej');
    expect(verdictOf('kan jag skicka en patient via AF till Steget vidare?', rule)).toBeUndefined();
  });
});

describe('verdictOf: a month asked against the day', () => {
  test('"ligger planeringsdagen i september?" against "fredag 6 oktober 2023 (2023-10-06) – …" is Nej; in oktober Ja', () => {
    const s = 'fredag 6 oktober 2023 (2023-10-06), heldag – Samordningsförbundets styrelse: Planeringsdag.';
    expect(verdictOf('ligger planeringsdagen 2023 i september?', s)).toBe('Nej');
    expect(verdictOf('ligger planeringsdagen 2023 i oktober?', s)).toBe('Ja');
    expect(verdictOf('är mötet den 6 oktober?', s)).toBeUndefined();
  });
});
