import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { idsInCode } from '../helpers/idsInCode.js';

const REPO = process.cwd();

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'svb-ids-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

const verksamheter = JSON.stringify([{ id: 'norrtorget', name: 'Norrtorget' }, { id: 'styrgrupp', name: 'Styrgruppen' }]);

describe('no förbund knowledge in code (issue 13, item 5)', () => {
  it('src/ and dialogs/ name no record id from data/', () => {
    expect(idsInCode(REPO)).toEqual([]);
  });

  it('finds a data id written as a literal in src/ or dialogs/, and the förbund folder name', async () => {
    const root = await tree({
      'data/norrland/verksamheter.json': verksamheter,
      'src/a.ts': "const v = 'norrtorget';\n",
      'dialogs/b.ts': 'const f = `norrland`;\n',
    });
    expect(idsInCode(root)).toEqual(['src/a.ts:1: norrtorget', 'dialogs/b.ts:1: norrland']);
  });

  it('ignores comments, generic words, drafts/ and files of other kinds', async () => {
    const root = await tree({
      'data/norrland/verksamheter.json': verksamheter,
      'data/norrland/drafts/parties.json': JSON.stringify([{ id: 'utkastpart' }]),
      'data/norrland/contacts.json': JSON.stringify([{ id: 'kontakten' }]),
      'src/a.ts': "// 'norrtorget' in a comment\nconst g = 'styrgrupp';\nconst d = 'utkastpart';\nconst c = 'kontakten';\n",
    });
    expect(idsInCode(root)).toEqual([]);
  });
});
