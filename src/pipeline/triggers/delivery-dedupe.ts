/**
 * Normalises the `X-GitHub-Delivery` header into the key the lead stores to drop replays and
 * duplicate deliveries (spec Part E: signatures carry no timestamp, so a captured delivery
 * verifies forever; the delivery id is the only replay guard).
 *
 * Contract: GitHub sends a GUID; UUIDs are case-folded to lowercase so `ABC…` and `abc…` are one
 * delivery. Other senders (GitHub Enterprise versions, test tools) may send other tokens: those
 * are kept verbatim if they are 1–128 printable ASCII characters without spaces. Anything else is
 * refused rather than stored: an id we cannot compare reliably protects nothing.
 */
export type DeliveryIdResult = { ok: true; id: string } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[\x21-\x7e]{1,128}$/;

export function normaliseDeliveryId(value: string | readonly string[] | undefined): DeliveryIdResult {
  if (value === undefined) return { ok: false, reason: 'no X-GitHub-Delivery header' };
  if (typeof value !== 'string') {
    const distinct = new Set(value.map((v) => v.trim()));
    if (distinct.size !== 1) return { ok: false, reason: 'X-GitHub-Delivery appears more than once with different values' };
    return normaliseDeliveryId([...distinct][0]);
  }
  const v = value.trim();
  if (UUID.test(v)) return { ok: true, id: v.toLowerCase() };
  if (TOKEN.test(v)) return { ok: true, id: v };
  return { ok: false, reason: `X-GitHub-Delivery ${JSON.stringify(v.slice(0, 40))} is not a GUID or a 1–128 character token` };
}
