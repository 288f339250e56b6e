/**
 * A document's own sections: a passage per heading, titled as the document titles it. Headings are
 * the ones documents use: markdown (# …), paragraph signs (§ 3 Mötesplan), numbered sections
 * (2., 2.1, 2.1.3 followed by a capitalised title), "Bilaga N" and short lines in capitals.
 */
export interface Section {
  /** The heading as written ("§ 3 Mötesplan", "2.1 Budget"); "Inledning" for text before the first heading. */
  heading: string;
  /** The section number as written ("§ 3", "2.1"), when it has one. */
  number?: string;
  title: string;
  /** 1-based line of the heading in the text (0 for the opening text). */
  line: number;
  /** The body lines, as extracted. */
  lines: string[];
}

export const OPENING_SECTION = 'Inledning';

const MAX_HEADING = 90;

/** The heading a line is, or undefined for body text. */
export function headingOf(raw: string): { heading: string; number?: string; title: string } | undefined {
  const line = raw.trim().replace(/\s+/g, ' ');
  if (line === '' || line.length > MAX_HEADING || raw.includes('\t')) return undefined;
  const md = /^#{1,6}\s+(.+?)\s*#*$/.exec(line);
  if (md?.[1]) {
    const inner = headingOf(md[1]);
    return inner ?? { heading: md[1], title: md[1] };
  }
  const para = /^(§\s?\d+[a-z]?)\.?\s*(.*)$/u.exec(line);
  if (para?.[1]) {
    const number = para[1].replace(/^§(?=\d)/, '§ ');
    const title = (para[2] ?? '').trim();
    if (title === '' || /^\p{Lu}/u.test(title)) return { heading: title ? `${number} ${title}` : number, number, title: title || number };
    return undefined;
  }
  const numbered = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\p{Lu}.*)$/u.exec(line);
  if (numbered?.[1] && numbered[2] && !/[.:;,]$/.test(numbered[2]) && numbered[2].split(' ').length <= 10) {
    return { heading: `${numbered[1]} ${numbered[2]}`, number: numbered[1], title: numbered[2] };
  }
  const bilaga = /^(Bilaga\s+\d+)\s*[:.–-]?\s*(.*)$/u.exec(line);
  if (bilaga?.[1]) return { heading: line, number: bilaga[1], title: (bilaga[2] ?? '').trim() || bilaga[1] };
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && letters === letters.toUpperCase() && /^\p{Lu}/u.test(line) && line.split(' ').length <= 8) {
    const title = line.charAt(0) + line.slice(1).toLowerCase();
    return { heading: title, title };
  }
  return undefined;
}

/** The document split at its headings; sections without body text are kept (a heading over subsections). */
export function splitSections(text: string): Section[] {
  const sections: Section[] = [{ heading: OPENING_SECTION, title: OPENING_SECTION, line: 0, lines: [] }];
  text.split('\n').forEach((raw, i) => {
    const h = headingOf(raw);
    if (h) sections.push({ ...h, line: i + 1, lines: [] });
    else sections[sections.length - 1]?.lines.push(raw);
  });
  // Two sections may share a heading (a "Budget" under each Bilaga): the later ones get their line.
  const seen = new Map<string, number>();
  for (const s of sections) {
    const n = (seen.get(s.heading) ?? 0) + 1;
    seen.set(s.heading, n);
    if (n > 1) s.heading = `${s.heading} (rad ${s.line})`;
  }
  return sections;
}

/** A section's body as one passage text: lines joined, table cells kept apart with " · ". */
export function sectionText(section: Section): string {
  return section.lines.map((l) => l.replace(/\t+/g, ' · ').replace(/^\s*[-*•]\s+/, '• ').trim())
    .filter((l) => l !== '').join(' ').replace(/\s+/g, ' ').trim();
}
