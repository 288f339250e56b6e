/**
 * How well an utterance (normalised, see src/domain/text.ts) fits the aktualiseringscheck, 0..1.
 * Strong cues are the words of Bilaga 3 (aktualisera, förankra, samtycke, remiss, hänvisa,
 * gemensam kartläggning, avslutsorsaker) and target-group questions about a person ("kan en
 * 23-åring …"). A plain "vad är målgruppen" belongs to the agreement answers, not here.
 */
export function aktualiseringScore(normalized: string): number {
  const n = normalized;
  if (/\baktualiser|\bforankr|\bremiss|\bremitter|\bhanvisa|\bsamtyck|\bmedgivande|avslutsorsak|\barendebarar|gemensam(ma)? kartlaggning/.test(n)) return 0.95;
  const person = /\b\d{1,2} ?-? ?(aring|arig)\b|\b(ar|fyller) \d{1,2}\b|\b\d{1,2} ar\b/.test(n) || /\b(hon|han|hen|personen|individen|klienten|patienten)\b/.test(n);
  const fitWords = /\b(kan|far|ryms|passar|ingar|tillhor|omfattas|kvalificera\w*|aktuell)\b/.test(n);
  if (person && fitWords && /malgrupp|vuxentorg|ungdomstorg|samverkansteam|samordningsteam|arbetsmarknadstorg|finnveden|krami/.test(n)) return 0.92;
  if (/\bberedning(en)? (for|till|av) (arbetsmarknadstorg|vuxentorg|ungdomstorg|arenden)|\bberedningen pa (arbetsmarknadstorg|vuxentorg)/.test(n)) return 0.85;
  const benefit = /sjukpeng|aktivitetsersattning|forsorjningsstod|ekonomiskt bistand|etableringsersattning|sjukersattning|a-?kassa|aktivitetsstod|sjukskriv/.test(n);
  const party = /\b(regionen|psykiatrin|primarvarden|soc|socialtjansten|fk|forsakringskassan|af|arbetsformedlingen|kaa|frivarden|kriminalvarden)\b/.test(n);
  if (benefit && (party || person) && /\b(vem|vilka|vilken|hur|kan|ska|maste|behover)\b/.test(n)) return 0.8;
  if (benefit && fitWords && /malgrupp|finnveden|vuxentorg|samverkansteam/.test(n)) return 0.85;
  if (/arenor for provning|samverkansgrupp(en)? for etablering|uppfoljning(en)? av (planen|handlingsplanen)|var tredje manad/.test(n)) return 0.7;
  return 0;
}
