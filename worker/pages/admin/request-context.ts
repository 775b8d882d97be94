import type { Context } from "hono";
import type { createContext as CreateContext, useContext as UseContext } from "hono/jsx";
// hono/jsx's own context functions, from their module rather than from "hono/jsx": that index
// (and hono/jsx-renderer, which imports it) brings the client-side DOM renderer and hooks into
// the Worker's bundle (~6 KB gzip), which pages rendered on the server never run. The module
// has no declaration file of its own; its types are hono/jsx's.
// @ts-expect-error: no declaration file beside hono's built module
import * as jsxContext from "../../../node_modules/hono/dist/jsx/context.js";
import type { AdminEnv } from "./env.ts";

const { createContext, useContext } = jsxContext as {
  createContext: typeof CreateContext;
  useContext: typeof UseContext;
};

/** The request a page is rendered for, provided by the layout, read by the components that need it. */
export const RequestContext = createContext<Context<AdminEnv> | null>(null);

export const useRequest = (): Context<AdminEnv> | null => useContext(RequestContext);
