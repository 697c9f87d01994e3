/** Keys that must never appear in any response, at any depth. */
export const SECRET_KEYS = ['password', 'resetPasswordToken', 'confirmationToken', 'registrationToken'];

/** Sensitive attributes, checked on every record that carries a documentId. */
export const SENSITIVE_KEYS = ['annualIncome', 'personalContribution', 'loanAmount'];

export interface LeakRules {
  /** E-mail addresses the viewer must not receive (other staff members, other accounts). */
  forbiddenEmails: readonly string[];
  /** Whether the viewer may read the sensitive fields of a record; null when it reads all of them. */
  sensitiveAllowed: ((documentId: string) => boolean) | null;
}

/**
 * Lists every leak in a response body: a secret key, a forbidden e-mail anywhere in a
 * string, or a sensitive field on a record the viewer may not read it on. Returns paths.
 */
export function findLeaks(body: unknown, rules: LeakRules): string[] {
  const leaks: string[] = [];
  const forbidden = rules.forbiddenEmails.map((email) => email.toLowerCase());

  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      const email = forbidden.find((candidate) => lower.includes(candidate));
      if (email) leaks.push(`${path}: e-mail ${email}`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;

    const record = value as Record<string, unknown>;
    const documentId = typeof record.documentId === 'string' ? record.documentId : null;
    for (const [key, child] of Object.entries(record)) {
      const childPath = path ? `${path}.${key}` : key;
      if (SECRET_KEYS.includes(key)) leaks.push(`${childPath}: secret key`);
      if (SENSITIVE_KEYS.includes(key) && rules.sensitiveAllowed !== null && (documentId === null || !rules.sensitiveAllowed(documentId))) {
        leaks.push(`${childPath}: sensitive field of ${documentId ?? 'a record without documentId'}`);
      }
      visit(child, childPath);
    }
  };

  visit(body, '');
  return leaks;
}
