import { describe, expect, it } from "vitest";
import { fakeApi, packages, session } from "./fake-api.ts";
import { mount, shadow } from "./render.ts";

const hostile = '<img src=x onerror="window.pwned=1">"><script>window.pwned=2</script>';

describe("text from the API", () => {
  it("is shown as text, never turned into markup", async () => {
    fakeApi({
      session: session({ name: hostile, location: hostile, studioName: hostile }),
      packages: [{ ...(packages[0] as (typeof packages)[number]), name: hostile, description: hostile }],
    });
    const element = await mount({ session: "fall-minis" });
    const root = shadow(element);
    expect(root.querySelector("img, script")).toBeNull();
    expect(root.textContent).toContain(hostile);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});
