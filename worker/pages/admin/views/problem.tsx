import type { FC } from "hono/jsx";
import { Heading } from "../components/heading.tsx";
import { paths } from "../paths.ts";

/** Not found, refused or failed: what happened and a way back. */
export const ProblemPage: FC<{ heading: string; detail: string }> = ({ heading, detail }) => (
  <>
    <Heading text={heading} />
    <p>{detail}</p>
    <p>
      <a href={paths.sessions}>Back to Booking Sessions</a>
    </p>
  </>
);
