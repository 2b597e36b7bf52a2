/**
 * The SDK against a running server: signs in, picks the organization, finds the session in the timetable,
 * books the client into it and reads the booking back. Prints the booking as JSON; exits 1 on any failure.
 *
 *   WELLBASE_URL=http://localhost:8080 WELLBASE_EMAIL=… WELLBASE_PASSWORD=… WELLBASE_ORGANIZATION=…
 *   WELLBASE_SESSION=… WELLBASE_CLIENT=… node dist/smoke.js
 */
import { createWellbase, unwrap, WellbaseError } from "./index.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

async function main(): Promise<void> {
  const wellbase = createWellbase({ baseUrl: required("WELLBASE_URL") });
  await wellbase.signIn(required("WELLBASE_EMAIL"), required("WELLBASE_PASSWORD"));
  await wellbase.switchOrganization(required("WELLBASE_ORGANIZATION"));
  const { api } = wellbase;
  const sessionId = required("WELLBASE_SESSION");
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const timetable = unwrap(await api.GET("/api/v1/sessions", { params: { query: { from, to, hasSpace: true } } }));
  const session = (timetable.data ?? []).find((s) => s.id === sessionId);
  if (!session) {
    throw new Error(`session ${sessionId} is not in the timetable`);
  }
  const booked = unwrap(
    await api.POST("/api/v1/sessions/{id}/bookings", {
      params: { path: { id: sessionId } },
      body: { clientId: required("WELLBASE_CLIENT") },
    }),
  );
  const booking = unwrap(await api.GET("/api/v1/bookings/{id}", { params: { path: { id: booked.id ?? "" } } }));
  // a second booking of the same client is refused with a problem the SDK reads
  let refusal: string | undefined;
  try {
    unwrap(
      await api.POST("/api/v1/sessions/{id}/bookings", {
        params: { path: { id: sessionId } },
        body: { clientId: required("WELLBASE_CLIENT") },
      }),
    );
  } catch (e) {
    if (!(e instanceof WellbaseError)) {
      throw e;
    }
    refusal = `${e.status} ${e.code ?? ""}`.trim();
  }
  await wellbase.signOut();
  console.log(JSON.stringify({ booking, spotsLeftBefore: session.spotsLeft, secondBooking: refusal }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
