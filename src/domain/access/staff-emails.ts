function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * An admin user as the admin API returns it (creator fields, owner relations): it has an
 * `email` and a lowercase `firstname` or `lastname`. CRM contacts spell `firstName`, and
 * keep their e-mail.
 */
function isStaffRecord(value: Record<string, unknown>): boolean {
  return 'email' in value && ('firstname' in value || 'lastname' in value);
}

/**
 * Returns a copy of an admin API response without the e-mail addresses of staff members
 * other than `viewerId`. The panel names people by first and last name, so the e-mail only
 * served as a fallback label.
 */
export function withoutOtherStaffEmails(body: unknown, viewerId: number): unknown {
  if (Array.isArray(body)) return body.map((item) => withoutOtherStaffEmails(item, viewerId));
  if (!isPlainObject(body)) return body;

  const hideEmail = isStaffRecord(body) && body.id !== viewerId;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (hideEmail && key === 'email') continue;
    copy[key] = withoutOtherStaffEmails(value, viewerId);
  }
  return copy;
}
