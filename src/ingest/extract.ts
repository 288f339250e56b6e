import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The file types data:ingest reads. */
export const INGEST_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'] as const;

/** One text line of a PDF page: its items in reading order, a wide gap kept as a column break. */
interface PdfItem { str: string; x: number; y: number; width: number; height: number }

/**
 * A PDF page's text items as lines: items on one baseline (within half a line height) form a line,
 * read left to right; a gap wider than about two characters becomes a tab, so the columns of a table
 * stay apart for the table reader.
 */
export function pdfLines(items: readonly PdfItem[]): string[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(first.y - item.y) <= Math.max(2, (first.height || 10) / 2)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end: number | undefined;
    for (const item of row) {
      if (end !== undefined) {
        const gap = item.x - end;
        const charWidth = (item.height || 10) * 0.5;
        if (item.str.trim() === '') continue; // pdfjs spans a gap with a blank item: measure the gap itself
        if (gap > charWidth * 2.5) line += '\t';
        else if (gap > charWidth * 0.15 && !line.endsWith(' ')) line += ' ';
      }
      line += item.str;
      end = item.x + item.width;
    }
    return line.replace(/[ ]+\t/g, '\t').trimEnd();
  });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // The legacy build runs on Node without a DOM; no worker, no fonts fetched, nothing evaluated.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height });
      }
      pages.push(pdfLines(items).join('\n'));
    }
  } finally {
    await doc.destroy();
  }
  return pages.join('\n\n');
}

async function docxText(buffer: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  // Raw text keeps paragraphs apart (one blank line each) and table cells on lines of their own;
  // the HTML is read for tables so their rows stay rows (cells joined by tabs).
  const html = (await mammoth.convertToHtml({ buffer })).value;
  return htmlToText(html);
}

/** mammoth's HTML as lines: paragraphs and headings one line each, a table row one line with tab-separated cells. */
export function htmlToText(html: string): string {
  const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
  const out: string[] = [];
  const blocks = html.match(/<table[\s\S]*?<\/table>|<(h[1-6]|p|li)[^>]*>[\s\S]*?<\/\1>/g) ?? [];
  for (const block of blocks) {
    if (block.startsWith('<table')) {
      out.push('');
      for (const row of block.match(/<tr[\s\S]*?<\/tr>/g) ?? []) {
        out.push((row.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/g) ?? []).map(decode).join('\t'));
      }
      out.push('');
    } else {
      const heading = /^<h([1-6])/.exec(block);
      const text = decode(block);
      if (text === '') continue;
      out.push(heading ? `${'#'.repeat(Number(heading[1]))} ${text}` : text, '');
    }
  }
  return out.join('\n');
}

/**
 * The text of a document file, for data:ingest: .txt and .md as they are, .docx through mammoth,
 * .pdf through pdfjs-dist. Nothing goes over the network. Line endings become \n, and form feeds,
 * soft hyphens and non-breaking spaces are normalised so sections and numbers read the same
 * whatever the document came from.
 */
export async function extractText(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  const bytes = await readFile(file);
  let text: string;
  if (ext === '.txt' || ext === '.md') text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  else if (ext === '.docx') text = await docxText(bytes);
  else if (ext === '.pdf') text = await pdfText(new Uint8Array(bytes));
  else throw new Error(`Filtypen ${ext || '(ingen)'} kan inte läsas in; använd ${INGEST_EXTENSIONS.join(', ')}.`);
  return text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').replace(/\u00AD/g, '').replace(/[\u00A0\u202F]/g, ' ').normalize('NFC');
}
