import { describe, expect, it } from 'vitest';
import { FunctionsHandler } from '@netlify/functions-dev';
import '../../../scripts/functions-build-once.ts';

/** What FunctionsHandler hands to NetlifyFunction.invoke, recorded by a stand-in function. */
async function invokeWith(buildDirectory: string | undefined, scheduled = false) {
  const calls: { buildDirectory?: string }[] = [];
  const func = {
    isBackground: false,
    isScheduled: async () => scheduled,
    invoke: async (options: { buildDirectory?: string }) => {
      calls.push(options);
      return new Response(null, { status: 204 });
    },
  };
  const handler = Object.create(FunctionsHandler.prototype) as Record<string, unknown>;
  Object.assign(handler, { globalBuildDirectory: '/project/.netlify/functions-serve', geolocation: {} });
  const invoke = handler['invoke'] as (...args: unknown[]) => Promise<Response>;
  const response = await invoke.call(
    handler,
    new Request('http://127.0.0.1/api/callback'),
    null,
    func,
    buildDirectory,
  );
  return { calls, response };
}

describe('npm start runs each function from its one build', () => {
  it.each([
    ['a per-request folder', '/project/.netlify/functions-serve/_abc123'],
    ['no folder', undefined],
  ])('a call given %s does not build the function again', async (_label, folder) => {
    const { calls, response } = await invokeWith(folder);
    expect(response.status).toBe(204);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.buildDirectory).toBeUndefined();
  });

  it('a scheduled function run by POST uses the same build', async () => {
    const { calls } = await invokeWith('/project/.netlify/functions-serve/_def456', true);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.buildDirectory).toBeUndefined();
  });
});
