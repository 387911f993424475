/** Applies src/lib/harden-html.ts to every built page. */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addIntegrity, addOutboundRel, bundledScripts } from '../lib/harden-html.ts';
import { htmlFiles, mapConcurrently } from './files.ts';

export function hardenHtml({ origin }: { origin: string }): AstroIntegration {
  return {
    name: 'harden-html',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        // One promise per bundled script, so pages read at the same time share one digest.
        const integrity = new Map<string, Promise<string>>();
        const digestOf = (src: string) => {
          let digest = integrity.get(src);
          if (!digest) {
            digest = readFile(join(out, src)).then(
              (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
            );
            integrity.set(src, digest);
          }
          return digest;
        };
        await mapConcurrently(await htmlFiles(out), 16, async (file) => {
          const html = await readFile(file, 'utf8');
          const digests = new Map<string, string>();
          for (const src of bundledScripts(html)) digests.set(src, await digestOf(src));
          const hardened = addIntegrity(addOutboundRel(html, origin), (src) => digests.get(src)!);
          if (hardened !== html) await writeFile(file, hardened);
        });
      },
    },
  };
}
