import { describe, expect, it } from "vitest";
import { call } from "./support.ts";

describe("GET /v1/openapi.json", () => {
  it("documents every route of the contract, with problem answers", async () => {
    const res = await call("GET", "/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const paths = Object.keys(res.body.paths);
    for (const path of [
      "/v1/studios",
      "/v1/sessions/{slug}",
      "/v1/sessions/{slug}/holds",
      "/v1/holds/{id}/extend",
      "/v1/holds/{id}",
      "/v1/holds/{id}/booking",
      "/v1/bookings/{token}",
      "/v1/bookings/{token}/confirm",
      "/v1/admin/session-types",
      "/v1/admin/session-types/{id}",
      "/v1/admin/clients",
      "/v1/admin/clients/{id}",
      "/v1/admin/sessions",
      "/v1/admin/sessions/{id}",
      "/v1/admin/sessions/{id}/client",
      "/v1/admin/sessions/{id}/confirmation-request",
      "/v1/admin/sessions/{id}/spots",
      "/v1/admin/spots/{id}/reservation",
      "/v1/admin/bookings/{id}",
      "/v1/admin/sessions/{id}/payment-reminders",
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(res.body.components.schemas.Problem).toBeDefined();
    expect(res.body.paths["/v1/sessions/{slug}/holds"].post.responses["409"]).toBeDefined();
  });

  it("is rendered as a docs page", async () => {
    const res = await call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.body).toContain("/v1/sessions/{slug}/holds");
  });
});
