import { translateValidationMessage } from '../../src/domain/errors/validation-messages';

describe('translateValidationMessage', () => {
  it.each([
    ['budgetMax must be a `number` type, but the final value was: `NaN` (cast from the value `"abc"`).', 'NUMBER_INVALID', 'Le champ « budgetMax » doit être un nombre, par exemple 285000.50.'],
    ['purchaseType must be one of the following values: main_residence, secondary_residence, rental_investment, ', 'VALUE_NOT_ALLOWED', "Le champ « purchaseType » doit valoir l'une de ces valeurs : main_residence, secondary_residence, rental_investment."],
    ['lastName must be defined.', 'FIELD_REQUIRED', 'Le champ « lastName » est obligatoire.'],
    ['subject must be at most 200 characters', 'TOO_LONG', 'Le champ « subject » ne doit pas dépasser 200 caractères.'],
    ['budgetMax must be less than or equal to 99999999.99', 'TOO_LARGE', 'Le champ « budgetMax » ne doit pas dépasser 99999999.99.'],
    ['email must be a valid email', 'EMAIL_INVALID', 'Le champ « email » doit être une adresse e-mail valide.'],
    ['Invalid key foo', 'INVALID_KEY', "Le champ « foo » n'existe pas ou ne peut pas être utilisé ici : retirez-le de la requête."],
    ['Invalid credentials', 'INVALID_CREDENTIALS', 'E-mail ou mot de passe incorrect : vérifiez-les et réessayez.'],
    ['Invalid key email at owner.email', 'INVALID_KEY', "Le champ « owner.email » n'existe pas ou ne peut pas être utilisé ici : retirez-le de la requête."],
    ['Invalid identifier or password', 'INVALID_CREDENTIALS', 'Identifiant ou mot de passe incorrect : vérifiez-les et réessayez.'],
    [
      'Your account has been blocked by an administrator',
      'ACCOUNT_BLOCKED',
      'Ce compte a été bloqué par un administrateur : demandez à votre directeur commercial de le débloquer.',
    ],
    [
      'Cannot use both page & offset pagination in the same query',
      'PAGINATION_INVALID',
      'Utilisez soit pagination[page] et pagination[pageSize], soit pagination[start] et pagination[limit], pas les deux.',
    ],
    ['Document with id "zzzz", locale "null" not found', 'RELATION_NOT_FOUND', 'La fiche liée « zzzz » est introuvable : vérifiez son documentId.'],
  ])('translates %s', (english, code, french) => {
    const translated = translateValidationMessage(english);
    expect(translated?.code).toBe(code);
    expect(translated?.message).toBe(french);
  });

  it('leaves an unknown message alone', () => {
    expect(translateValidationMessage('Something else went wrong')).toBeNull();
  });
});
