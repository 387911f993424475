/** Applies src/lib/harden-html.ts to every built page. */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addIntegrity, addOutboundRel, bundledScripts } from '../lib/harden-html.ts';

export function hardenHtml({ origin }: { origin: string }): AstroIntegration {
  return {
    name: 'harden-html',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        const integrity = new Map<string, string>();
        const entries = await readdir(out, { withFileTypes: true, recursive: true });
        for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.html'))) {
          const file = join(entry.parentPath, entry.name);
          const html = await readFile(file, 'utf8');
          for (const src of bundledScripts(html)) {
            if (integrity.has(src)) continue;
            const digest = createHash('sha384')
              .update(await readFile(join(out, src)))
              .digest('base64');
            integrity.set(src, `sha384-${digest}`);
          }
          const hardened = addIntegrity(addOutboundRel(html, origin), (src) => integrity.get(src)!);
          if (hardened !== html) await writeFile(file, hardened);
        }
      },
    },
  };
}
