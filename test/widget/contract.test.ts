import { describe, expect, it } from "vitest";
import { fakeApi, json, problem } from "./fake-api.ts";
import { click, find, focused, mount, spotButton, submit, text, type } from "./render.ts";

const contract = {
  id: "contract-v2",
  version: 2,
  text: "The studio keeps the copyright.\nPrint for yourself.",
};

async function toContract() {
  const api = fakeApi({ forms: { questions: [], contract } });
  const element = await mount({ session: "fall-minis", locale: "en-US" });
  await click(element, spotButton(element, "9:30 AM"));
  type(element, "name", "Ada");
  type(element, "email", "ada@example.com");
  find<HTMLInputElement>(element, '[name="packageId"][value="pkg-mini"]').checked = true;
  await submit(element);
  return { api, element };
}

describe("the contract before booking", () => {
  it("shows the exact text in a labelled region a keyboard can scroll, and says what signing means", async () => {
    const { element } = await toContract();
    const region = find(element, "[role=region]");
    expect(region.textContent).toBe(contract.text);
    expect(region.tabIndex).toBe(0);
    expect(text(find(element, `#${region.getAttribute("aria-labelledby")}`))).toBe("Contract");
    const name = find<HTMLInputElement>(element, '[name="signedName"]');
    expect(text(find(element, 'label[for="signedName"]'))).toBe("Your full name");
    expect(text(find(element, `#${name.getAttribute("aria-describedby")}`))).toContain("signs this contract");
    expect(text(find(element, 'form button[type="submit"]'))).toBe("I agree and sign");
  });

  it("asks for the full name before signing, and sends nothing without it", async () => {
    const { api, element } = await toContract();
    const sent = api.requests.length;
    type(element, "signedName", "   ");
    await submit(element);
    expect(api.requests.length).toBe(sent);
    expect(text(find(element, "#signedName-error"))).toBe("Please type your full name to sign the contract.");
    expect(focused(element)?.getAttribute("name")).toBe("signedName");
  });

  it("signs the version shown with the typed name", async () => {
    const { api, element } = await toContract();
    type(element, "signedName", " Ada King ");
    await submit(element);
    expect(api.requests.at(-1)?.body).toMatchObject({
      signature: { contractId: "contract-v2", name: "Ada King" },
    });
    expect(text(find(element, "h3"))).toBe("You're booked");
  });

  it("says so when the studio changed the contract meanwhile", async () => {
    const { api, element } = await toContract();
    api.on("POST", /booking$/, () =>
      problem(409, "contract_changed", [{ path: "signature.contractId", message: "The contract changed." }]),
    );
    type(element, "signedName", "Ada King");
    await submit(element);
    expect(text(find(element, "#signedName-error"))).toBe(
      "The studio changed the contract meanwhile. Please read it again and sign.",
    );
  });

  it("is signed on a reserved client's confirmation page", async () => {
    const api = fakeApi({ forms: { questions: [], contract }, booking: { packageId: "pkg-mini" } });
    api.on("POST", /confirm$/, () => json(200, { booking: { ...api.booking, status: "confirmed" } }));
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    expect(find(element, "[role=region]").textContent).toBe(contract.text);
    type(element, "signedName", "Ada Lovelace");
    await submit(element);
    expect(api.requests.at(-1)?.body).toMatchObject({
      packageId: "pkg-mini",
      signature: { contractId: "contract-v2", name: "Ada Lovelace" },
    });
  });
});
