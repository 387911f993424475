/**
 * Makes `npm start` run each Netlify Function from one build, rebuilt when its source
 * changes, the way `netlify dev` does, instead of building it anew for every call.
 *
 * @netlify/dev 5 hands every request a fresh temporary folder and FunctionsHandler
 * bundles the function into it before each call (1-2 s on this machine, with esbuild),
 * which made a local submission take about 2 s to answer and to reach admissions. The
 * functions registry already builds each function once at start into
 * .netlify/functions-serve and watches its source files to rebuild on change; calling
 * without a build folder makes the function run that build.
 */
import { FunctionsHandler } from '@netlify/functions-dev';

interface Invoker {
  globalBuildDirectory?: string;
  invoke(request: Request, route: unknown, func: unknown, buildDirectory?: string): Promise<Response>;
}

const prototype = FunctionsHandler.prototype as unknown as Invoker;
const invoke = prototype.invoke;

prototype.invoke = function (this: Invoker, request, route, func) {
  // Without a build folder, NetlifyFunction.invoke awaits the registry's latest build.
  this.globalBuildDirectory = undefined;
  return invoke.call(this, request, route, func, undefined);
};
