import type { FC } from "hono/jsx";

/** The page's h1 and its document title, which hono/jsx hoists into the layout's <head>. */
export const Heading: FC<{ text: string }> = ({ text }) => (
  <>
    <title>{`${text} · Spotbook`}</title>
    <h1>{text}</h1>
  </>
);
