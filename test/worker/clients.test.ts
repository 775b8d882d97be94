import { describe, expect, it } from "vitest";
import { call, newClient, newStudio } from "./support.ts";

describe("clients", () => {
  it("are searched by name or email, case-insensitively", async () => {
    const { token } = await newStudio();
    await newClient(token, { name: "Ada Lovelace", email: "ada@example.com" });
    await newClient(token, { name: "Grace Hopper", email: "grace@navy.example" });
    await newClient(token, { name: "Alan Turing", email: "alan@example.com" });
    const byName = await call("GET", "/v1/admin/clients?q=hop", { token });
    expect(byName.body.clients.map((c: { name: string }) => c.name)).toEqual(["Grace Hopper"]);
    const byEmail = await call("GET", "/v1/admin/clients?q=EXAMPLE.COM", { token });
    expect(byEmail.body.clients.map((c: { name: string }) => c.name)).toEqual([
      "Ada Lovelace",
      "Alan Turing",
    ]);
    const wildcard = await call("GET", "/v1/admin/clients?q=%25", { token });
    expect(wildcard.body.clients).toEqual([]);
  });

  it("are edited, keeping the email unique", async () => {
    const { token } = await newStudio();
    const ada = await newClient(token, { email: "ada@example.com" });
    await newClient(token, { email: "taken@example.com" });
    const renamed = await call("PATCH", `/v1/admin/clients/${ada.id}`, {
      token,
      body: { name: "Ada King", phone: "+44 20 7946 0000" },
    });
    expect(renamed.body.client).toMatchObject({
      name: "Ada King",
      email: "ada@example.com",
      phone: "+44 20 7946 0000",
    });
    const clash = await call("PATCH", `/v1/admin/clients/${ada.id}`, {
      token,
      body: { email: "taken@example.com" },
    });
    expect(clash.status).toBe(409);
    const unchanged = await call("PATCH", `/v1/admin/clients/${ada.id}`, { token, body: {} });
    expect(unchanged.body.client.name).toBe("Ada King");
  });
});
