/**
 * Date-asking words as routing evidence (held-out review 2): "vilket datum", "vilken dag", "när",
 * "vilken period", "mellan vilka datum" ask for a date, which the årshjul answers — unless the
 * question asks how long something is valid ("gäller … mellan vilka datum / från när / till när"),
 * which the agreement's giltighet (målgrupp answer) states. Input is `normalize(text)`.
 */

const DATE_WORDS = /\b(vilket datum|vilken dag|vilka datum|vilka dagar|mellan vilka datum|vilken period|under vilken period|vilken tidsperiod|fran nar|till nar)\b/;
const AGREEMENT_WORD = /\b(\w*overenskommelse\w*|\w*avtal\w*|verksamhetsplan\w*|handlingsplan\w*|ovk|vp)\b/;
const MEETING_WORD = /\b(\w*(mote|motet|moten|motena)|sammantrade\w*)\b/;

/** Whether the question asks for a date or period ("När …" as the question word, or a date phrase anywhere). */
export function asksForDate(normalized: string): boolean {
  return /^(?:och |men |sa )?nar\b/.test(normalized) || DATE_WORDS.test(normalized);
}

/** Whether the question asks when an agreement is valid ("Mellan vilka datum gäller överenskommelsen?"), not when a meeting is. */
export function asksValidity(normalized: string): boolean {
  if (MEETING_WORD.test(normalized)) return false;
  if (!/\b(galler|gallde|giltig\w*)\b/.test(normalized)) return false;
  // Only an agreement's validity is stated as giltighet; "från vilket datum gäller den nya
  // förbundsordningen?" is an event the årshjul holds.
  if (!AGREEMENT_WORD.test(normalized)) return false;
  // "Vilken giltighetstid har överenskommelsen?" names the validity itself.
  return asksForDate(normalized) || /\b(hur lange|nar|giltighet\w*)\b/.test(normalized);
}
