/**
 * The stage-then-commit writer: what becomes of each file, the manifest, and that a failed,
 * interrupted or killed commit leaves the project as it was. Real temp folders throughout.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commitFiles,
  type CommitInput,
  type FileOutcome,
} from '../../../../src/import/wordpress/write/commit.ts';
import { realFs, type CommitFs } from '../../../../src/import/wordpress/write/fs.ts';
import { sha256 } from '../../../../src/import/wordpress/write/manifest.ts';

const MANIFEST = 'src/content/wordpress-import.json';
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'commit-test-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const run = (files: Record<string, string | Uint8Array>, options: Partial<CommitInput> = {}) =>
  commitFiles({
    root,
    files: new Map(Object.entries(files)),
    manifestPath: MANIFEST,
    force: false,
    dryRun: false,
    ...options,
  });

/** Every file under root, with its bytes and mtime: "the project as it was". */
async function snapshot(dir = root, prefix = ''): Promise<Map<string, { text: string; mtime: number }>> {
  const files = new Map<string, { text: string; mtime: number }>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      files.set(`${rel}/`, { text: '', mtime: 0 });
      for (const [k, v] of await snapshot(join(dir, entry.name), `${rel}/`)) files.set(k, v);
    } else {
      const abs = join(dir, entry.name);
      files.set(rel, { text: await readFile(abs, 'utf8'), mtime: (await stat(abs)).mtimeMs });
    }
  }
  return files;
}

const put = async (path: string, text: string) => {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
};
const read = (path: string) => readFile(join(root, path), 'utf8');
const manifestFiles = async (): Promise<Record<string, string>> => JSON.parse(await read(MANIFEST)).files;

const A = 'src/content/articles/a.md';
const B = 'src/content/articles/b/index.mdx';

describe('what becomes of each file', () => {
  it.each<{
    name: string;
    setup: () => Promise<unknown>;
    files: Record<string, string>;
    force?: boolean;
    outcome: FileOutcome;
    disk: string | null;
    /** The manifest entry after the run: a text whose hash it holds, or null for none. */
    manifest: string | null;
  }>([
    {
      name: 'absent → created',
      setup: async () => {},
      files: { [A]: 'new' },
      outcome: { path: A, outcome: 'created' },
      disk: 'new',
      manifest: 'new',
    },
    {
      name: 'byte-equal to the last import → unchanged',
      setup: () => run({ [A]: 'same' }),
      files: { [A]: 'same' },
      outcome: { path: A, outcome: 'unchanged' },
      disk: 'same',
      manifest: 'same',
    },
    {
      name: 'imported and not edited since → updated',
      setup: () => run({ [A]: 'v1' }),
      files: { [A]: 'v2' },
      outcome: { path: A, outcome: 'updated' },
      disk: 'v2',
      manifest: 'v2',
    },
    {
      name: 'edited by hand since the import → conflict, left alone, manifest entry kept',
      setup: async () => {
        await run({ [A]: 'v1' });
        await put(A, 'edited');
      },
      files: { [A]: 'v2' },
      outcome: { path: A, outcome: 'conflict', reason: 'edited-since-import' },
      disk: 'edited',
      manifest: 'v1',
    },
    {
      name: 'edited by hand, --force → updated',
      setup: async () => {
        await run({ [A]: 'v1' });
        await put(A, 'edited');
      },
      files: { [A]: 'v2' },
      force: true,
      outcome: { path: A, outcome: 'updated' },
      disk: 'v2',
      manifest: 'v2',
    },
    {
      name: "someone's own file → conflict, left alone, not adopted",
      setup: () => put(A, 'mine'),
      files: { [A]: 'import' },
      outcome: { path: A, outcome: 'conflict', reason: 'not-from-import' },
      disk: 'mine',
      manifest: null,
    },
    {
      name: "someone's own file, --force → updated",
      setup: () => put(A, 'mine'),
      files: { [A]: 'import' },
      force: true,
      outcome: { path: A, outcome: 'updated' },
      disk: 'import',
      manifest: 'import',
    },
    {
      name: "someone's own file, byte-equal → unchanged and adopted",
      setup: () => put(A, 'import'),
      files: { [A]: 'import' },
      outcome: { path: A, outcome: 'unchanged' },
      disk: 'import',
      manifest: 'import',
    },
    {
      name: 'imported, no longer planned, not edited → removed',
      setup: () => run({ [A]: 'v1' }),
      files: {},
      outcome: { path: A, outcome: 'removed' },
      disk: null,
      manifest: null,
    },
    {
      name: 'imported, no longer planned, edited → conflict, kept, manifest entry kept',
      setup: async () => {
        await run({ [A]: 'v1' });
        await put(A, 'edited');
      },
      files: {},
      outcome: { path: A, outcome: 'conflict', reason: 'edited-then-removed' },
      disk: 'edited',
      manifest: 'v1',
    },
    {
      name: 'imported, no longer planned, edited, --force → removed',
      setup: async () => {
        await run({ [A]: 'v1' });
        await put(A, 'edited');
      },
      files: {},
      force: true,
      outcome: { path: A, outcome: 'removed' },
      disk: null,
      manifest: null,
    },
  ])('$name', async ({ setup, files, force, outcome, disk, manifest }) => {
    await setup();
    const result = await run(files, { force: force ?? false });
    expect(result.outcomes).toEqual([outcome]);
    if (disk === null) await expect(read(A)).rejects.toThrow(/ENOENT/);
    else expect(await read(A)).toBe(disk);
    const entries = await manifestFiles();
    expect(entries[A]).toBe(manifest === null ? undefined : sha256(new TextEncoder().encode(manifest)));
    expect(await readdir(root)).not.toContainEqual(expect.stringMatching(/^\.import-staging-/));
  });

  it('a removal takes the folders it leaves empty, and no other', async () => {
    await put('src/content/articles/keep.md', 'not ours');
    await run({ [B]: 'b', 'public/x/y/z.txt': 'z' });
    const result = await run({});
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['removed', 'removed']);
    expect(await readdir(join(root, 'src/content/articles'))).toEqual(['keep.md']);
    expect(await readdir(root)).toEqual(['src']);
  });

  it('a file deleted by hand since the import is forgotten, not reported', async () => {
    await run({ [A]: 'a', [B]: 'b' });
    await rm(join(root, A));
    const result = await run({ [B]: 'b' });
    expect(result.outcomes).toEqual([{ path: B, outcome: 'unchanged' }]);
    expect(Object.keys(await manifestFiles())).toEqual([B]);
  });

  it('writes strings as UTF-8 and bytes as they are', async () => {
    const bytes = new Uint8Array([0, 255, 10, 13]);
    await run({ 'a.txt': 'Καλημέρα', 'b.bin': bytes });
    expect(await read('a.txt')).toBe('Καλημέρα');
    expect(new Uint8Array(await readFile(join(root, 'b.bin')))).toEqual(bytes);
  });
});

describe('the manifest and a second run', () => {
  const files = { [B]: 'b', [A]: 'a', 'src/assets/10.jpg': new Uint8Array([1, 2, 3]) };

  it('is sorted, holds sha256 values and ends with a newline', async () => {
    await run({ [B]: 'b', [A]: 'a' });
    const hash = (text: string) => sha256(new TextEncoder().encode(text));
    expect(await read(MANIFEST)).toBe(
      `{\n  "files": {\n    "${A}": "${hash('a')}",\n    "${B}": "${hash('b')}"\n  },\n  "version": 1\n}\n`,
    );
  });

  it('stays sorted when an entry kept for a conflict is no longer planned', async () => {
    await run({ 'a.md': 'a', 'm.md': 'm' });
    await put('a.md', 'edited');
    await run({ 'm.md': 'm', 'z.md': 'z' });
    expect(Object.keys(await manifestFiles())).toEqual(['a.md', 'm.md', 'z.md']);
  });

  it('keeps integer-like paths in code-unit order', async () => {
    await run({ '2': 'x', '10': 'y', a: 'z' });
    expect([...(await read(MANIFEST)).matchAll(/^ {4}"([^"]+)"/gm)].map((m) => m[1])).toEqual([
      '10',
      '2',
      'a',
    ]);
  });

  it('second run with the same input: all unchanged, nothing touched, manifest byte-identical', async () => {
    const first = await run(files);
    expect(first.written).toBe(true);
    const before = await snapshot();
    await new Promise((r) => setTimeout(r, 20));
    const second = await run(files);
    expect(second.written).toBe(false);
    expect(second.outcomes.map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await snapshot()).toEqual(before);
  });

  it('a dry run reports what a real run does and writes nothing', async () => {
    await run({ [A]: 'v1', [B]: 'b' });
    await put(B, 'edited');
    const before = await snapshot();
    const next = { [A]: 'v2', 'c.md': 'c', [B]: 'b2' };
    const dry = await run(next, { dryRun: true });
    expect(dry.written).toBe(false);
    expect(await snapshot()).toEqual(before);
    const real = await run(next);
    expect(dry.outcomes).toEqual(real.outcomes);
    expect(real.outcomes.map((o) => o.outcome)).toEqual(['created', 'updated', 'conflict']);
  });

  it.each([
    ['not JSON', '{'],
    ['no files object', '{"version":1}'],
    ['a value that is not a sha256', '{"files":{"a.md":"abc"}}'],
  ])('a manifest that is %s stops the run before anything is written', async (_, text) => {
    await put(MANIFEST, text);
    const before = await snapshot();
    await expect(run({ [A]: 'a' })).rejects.toThrow(MANIFEST);
    expect(await snapshot()).toEqual(before);
  });
});

describe('paths', () => {
  it.each([
    ['/etc/passwd', /absolute/],
    ['C:/x.md', /absolute/],
    ['../outside.md', /\.\./],
    ['src/../../outside.md', /\.\./],
    ['src\\content\\a.md', /backslash/],
    ['', /empty/],
    ['src//a.md', /empty or "\."/],
    ['./a.md', /empty or "\."/],
    ['.import-staging-x/a.md', /staging/],
    [MANIFEST, /manifest/],
  ])('rejects %j and writes nothing', async (path, why) => {
    await expect(run({ [A]: 'a', [path]: 'x' })).rejects.toThrow(why);
    expect(await readdir(root)).toEqual([]);
  });

  it('rejects a file planned where another planned file needs a folder', async () => {
    await expect(run({ 'a/b': 'x', 'a/b/c': 'y' })).rejects.toThrow(/a\/b is planned as a file/);
    expect(await readdir(root)).toEqual([]);
  });

  it.each([
    ['a folder at a planned path', () => mkdir(join(root, A), { recursive: true }), /a folder or a link/],
    ['a file where a folder must go', () => put('src/content/articles', 'x'), /is a file, not a folder/],
  ])('%s stops the run, naming the path, before anything is written', async (_, setup, why) => {
    await setup();
    const before = await snapshot();
    await expect(run({ 'z.md': 'z', [A]: 'a' })).rejects.toThrow(why);
    expect(await snapshot()).toEqual(before);
  });
});

/** A file system that throws `code` on the nth call of `op` and, if `kill`, on every call after. */
function failing(op: 'rename' | 'writeFile' | 'mkdir', n: number, code: string, kill = false): CommitFs {
  let calls = 0;
  let dead = false;
  const fail = () => {
    dead = kill;
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
  const guard =
    <A extends unknown[], R>(name: string, f: (...args: A) => R) =>
    (...args: A): R => {
      if (dead && name !== 'entry' && name !== 'readFile' && name !== 'readdir') fail();
      if (name === op && ++calls === n) fail();
      return f(...args);
    };
  return Object.fromEntries(
    Object.entries(realFs).map(([name, f]) => [name, guard(name, f as (...args: unknown[]) => unknown)]),
  ) as unknown as CommitFs;
}

describe('a commit that fails leaves the project as it was', () => {
  // The second run replaces A, creates C in a new folder, removes B and rewrites the
  // manifest: after the journal's rename, A aside, A in, C in, B aside, manifest aside, in.
  const C = 'src/content/articles/new/c.mdx';
  const setup = () => run({ [A]: 'a1', [B]: 'b1' });
  const next = { [A]: 'a2', [C]: 'c' };

  it.each([
    [1, 'staging the journal'],
    [2, A],
    [3, A],
    [4, C],
    [5, B],
    [6, MANIFEST],
    [7, MANIFEST],
  ])('rename number %i fails (EACCES): the error names %s', async (n, path) => {
    await setup();
    const before = await snapshot();
    await expect(run(next, { fs: failing('rename', n, 'EACCES') })).rejects.toThrow(
      `import not written: ${path} failed (EACCES: simulated); the project is as it was`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each([1, 2, 3])('staging write number %i fails (disk full)', async (n) => {
    await setup();
    const before = await snapshot();
    await expect(run(next, { fs: failing('writeFile', n, 'ENOSPC') })).rejects.toThrow(/ENOSPC/);
    expect(await snapshot()).toEqual(before);
  });

  it('a folder that cannot be made fails the commit and names it', async () => {
    await setup();
    const before = await snapshot();
    // mkdir 1-3 make the staging folder; 4 is the new article folder.
    await expect(run(next, { fs: failing('mkdir', 4, 'EACCES') })).rejects.toThrow(
      'src/content/articles/new failed (EACCES',
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each([1, 2, 3, 5, 6])('a run killed after rename %i is rolled back by the next run', async (n) => {
    await setup();
    const before = await snapshot();
    // Rename 1 is the journal's; every call after the failing one fails too, rollback included.
    await expect(run(next, { fs: failing('rename', n + 1, 'EIO', true) })).rejects.toThrow(/did not finish/);
    expect((await readdir(root)).some((name) => name.startsWith('.import-staging-'))).toBe(true);
    // The same plan again: recovered first, it must see the project as it was before.
    const result = await run(next);
    expect(result.outcomes).toEqual([
      { path: A, outcome: 'updated' },
      { path: B, outcome: 'removed' },
      { path: C, outcome: 'created' },
    ]);
    expect(await readdir(root)).toEqual(['src']);
    expect(before.get(A)?.text).toBe('a1');
  });

  it('a killed run, recovered, leaves exactly the earlier project', async () => {
    await setup();
    const before = await snapshot();
    await expect(run(next, { fs: failing('rename', 4, 'EIO', true) })).rejects.toThrow(/did not finish/);
    await run({ [A]: 'a1', [B]: 'b1' }, { dryRun: false });
    const after = await snapshot();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, { text }] of before) expect(after.get(path)?.text).toBe(text);
  });

  it('a stale staging folder without a journal is removed at the next run', async () => {
    await put('.import-staging-dead/new/0', 'half written');
    await run({ [A]: 'a' });
    expect(await readdir(root)).toEqual(['src']);
  });
});

describe('SIGINT and SIGTERM during a commit', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s while staging: nothing is written', async (signal) => {
    await run({ [A]: 'a1' });
    const before = await snapshot();
    const result = run(
      { [A]: 'a2', [B]: 'b' },
      { onStep: (step) => void (step === 'staged' && process.emit(signal, signal)) },
    );
    await expect(result).rejects.toThrow(`interrupted by ${signal}`);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s while moving files: the commit is finished', async (signal) => {
    await run({ [A]: 'a1' });
    const result = await run(
      { [A]: 'a2', [B]: 'b' },
      { onStep: (step) => void (step === 'moved' && process.emit(signal, signal)) },
    );
    expect(result.interrupted).toBe(signal);
    expect(await read(A)).toBe('a2');
    expect(await read(B)).toBe('b');
    expect(Object.keys(await manifestFiles())).toEqual([A, B]);
    expect(process.listenerCount(signal)).toBe(0);
  });
});

describe('size', () => {
  it('commits 5,000 files in seconds, and a second run touches none of them', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`src/content/articles/${i % 50}/post-${i}.md`, `# ${i}\n`]),
    );
    const started = performance.now();
    expect((await run(files)).written).toBe(true);
    const again = await run(files);
    expect(again.written).toBe(false);
    expect(again.outcomes.every((o) => o.outcome === 'unchanged')).toBe(true);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
