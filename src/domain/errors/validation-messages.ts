/**
 * French wording of the validation errors Strapi raises itself (yup schema checks, unknown
 * keys, missing relations), with a stable English code for API clients. Strapi writes them
 * in English; a négociateur or a front-end developer reads them in French.
 */
export interface TranslatedMessage {
  code: string;
  message: string;
}

interface Rule {
  pattern: RegExp;
  code: string;
  translate: (match: RegExpMatchArray) => string;
}

const field = (name: string) => `Le champ « ${name} »`;

const RULES: Rule[] = [
  { pattern: /^(\S+) must be a `number` type/, code: 'NUMBER_INVALID', translate: (m) => `${field(m[1])} doit être un nombre, par exemple 285000.50.` },
  { pattern: /^(\S+) must be a `date` type/, code: 'DATE_INVALID', translate: (m) => `${field(m[1])} doit être une date au format aaaa-mm-jj.` },
  { pattern: /^(\S+) must be a `boolean` type/, code: 'BOOLEAN_INVALID', translate: (m) => `${field(m[1])} doit valoir true ou false.` },
  {
    pattern: /^(\S+) must be one of the following values: (.*)$/,
    code: 'VALUE_NOT_ALLOWED',
    translate: (m) => `${field(m[1])} doit valoir l'une de ces valeurs : ${m[2].replace(/[,\s]+$/, '')}.`,
  },
  { pattern: /^(\S+) (must be defined|is a required field)\.?$/, code: 'FIELD_REQUIRED', translate: (m) => `${field(m[1])} est obligatoire.` },
  { pattern: /^(\S+) must be at most (\d+) characters$/, code: 'TOO_LONG', translate: (m) => `${field(m[1])} ne doit pas dépasser ${m[2]} caractères.` },
  { pattern: /^(\S+) must be at least (\d+) characters$/, code: 'TOO_SHORT', translate: (m) => `${field(m[1])} doit compter au moins ${m[2]} caractères.` },
  { pattern: /^(\S+) must be less than or equal to (\S+)$/, code: 'TOO_LARGE', translate: (m) => `${field(m[1])} ne doit pas dépasser ${m[2]}.` },
  { pattern: /^(\S+) must be greater than or equal to (\S+)$/, code: 'TOO_SMALL', translate: (m) => `${field(m[1])} doit valoir au moins ${m[2]}.` },
  { pattern: /^(\S+) must be a valid email$/, code: 'EMAIL_INVALID', translate: (m) => `${field(m[1])} doit être une adresse e-mail valide.` },
  { pattern: /^(\S+) must match the following/, code: 'FORMAT_INVALID', translate: (m) => `${field(m[1])} n'a pas le format attendu.` },
  {
    pattern: /^Invalid key \S+ at (\S+)$/,
    code: 'INVALID_KEY',
    translate: (m) => `${field(m[1])} n'existe pas ou ne peut pas être utilisé ici : retirez-le de la requête.`,
  },
  { pattern: /^Invalid key (\S+)$/, code: 'INVALID_KEY', translate: (m) => `${field(m[1])} n'existe pas ou ne peut pas être utilisé ici : retirez-le de la requête.` },
  {
    pattern: /^Document with id "([^"]*)", locale "[^"]*" not found$/,
    code: 'RELATION_NOT_FOUND',
    translate: (m) => `La fiche liée « ${m[1]} » est introuvable : vérifiez son documentId.`,
  },
  { pattern: /^Invalid credentials$/, code: 'INVALID_CREDENTIALS', translate: () => 'E-mail ou mot de passe incorrect : vérifiez-les et réessayez.' },
  // Login through users-permissions, with a username or an e-mail.
  {
    pattern: /^Invalid identifier or password$/,
    code: 'INVALID_CREDENTIALS',
    translate: () => 'Identifiant ou mot de passe incorrect : vérifiez-les et réessayez.',
  },
  {
    pattern: /^Your account has been blocked by an administrator$/,
    code: 'ACCOUNT_BLOCKED',
    translate: () => 'Ce compte a été bloqué par un administrateur : demandez à votre directeur commercial de le débloquer.',
  },
  {
    pattern: /^Your account email is not confirmed$/,
    code: 'ACCOUNT_NOT_CONFIRMED',
    translate: () => "L'adresse e-mail de ce compte n'est pas encore confirmée : demandez à votre directeur commercial de la confirmer.",
  },
  {
    pattern: /^Cannot use both page & offset pagination in the same query$/,
    code: 'PAGINATION_INVALID',
    translate: () => 'Utilisez soit pagination[page] et pagination[pageSize], soit pagination[start] et pagination[limit], pas les deux.',
  },
  { pattern: /^Missing "data" payload/, code: 'DATA_MISSING', translate: () => 'Le corps de la requête doit contenir un objet « data » avec les champs à enregistrer.' },
  {
    pattern: /^convert\w+QueryParams expected a positive integer got (\S+)$/,
    code: 'PAGINATION_INVALID',
    translate: (m) => `Paramètre de pagination invalide (« ${m[1]} ») : indiquez un nombre entier positif.`,
  },
];

/** Returns the French message and code of an English Strapi validation message, or null. */
export function translateValidationMessage(message: string): TranslatedMessage | null {
  for (const rule of RULES) {
    const match = message.match(rule.pattern);
    if (match) return { code: rule.code, message: rule.translate(match) };
  }
  return null;
}
