import type { NegotiationPhase, NegotiationStatus } from './types';

export const PHASE_LABELS_FR: Readonly<Record<NegotiationPhase, string>> = {
  need: 'Besoin',
  commercial_actions: 'Actions commerciales',
  reservation: 'Réservation',
  financing: 'Suivi du financement',
  deed: 'Acte',
  withdrawal: 'Désistement',
};

export const STATUS_LABELS_FR: Readonly<Record<NegotiationStatus, string>> = {
  open: 'ouverte',
  won: 'conclue',
  lost: 'perdue',
  closed: 'fermée',
};

/** API attribute names that the phase rules and the validation report on. */
export type NegotiationField =
  | 'purchaseType'
  | 'housingType'
  | 'department'
  | 'city'
  | 'programme'
  | 'propositions'
  | 'reservations'
  | 'contractPrice'
  | 'budgetMin'
  | 'budgetMax'
  | 'personalContribution'
  | 'loanAmount'
  | 'lender'
  | 'loanApplicationDate'
  | 'loanOfferIssueDate'
  | 'loanOfferDeadline'
  | 'deedSignatureDate'
  | 'withdrawalDate';

/** French field labels with their article, to be placed inside a sentence. */
export const FIELD_LABELS_FR: Readonly<Record<NegotiationField, string>> = {
  purchaseType: "le type d'achat",
  housingType: 'le type de logement',
  department: 'le département',
  city: 'la ville',
  programme: 'le programme',
  propositions: 'au moins une proposition de lot',
  reservations: 'une réservation active',
  contractPrice: 'le prix du contrat de réservation',
  budgetMin: 'le budget minimum',
  budgetMax: 'le budget maximum',
  personalContribution: "l'apport personnel",
  loanAmount: 'le montant du prêt',
  lender: "l'organisme prêteur",
  loanApplicationDate: 'la date de demande de prêt',
  loanOfferIssueDate: "la date d'émission de l'offre",
  loanOfferDeadline: "la date limite de l'offre",
  deedSignatureDate: "la date de signature de l'acte",
  withdrawalDate: 'la date de désistement',
};

/** Capitalizes the first letter, to start a sentence with a field label. */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
