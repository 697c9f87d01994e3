/**
 * Shapes of the workspace's admin API responses, shared by the server routes and the admin
 * pages. Amounts are in euros, dates are yyyy-mm-dd, instants are ISO 8601 strings.
 */

export interface LotSummary {
  documentId: string;
  reference: string;
  kind: string;
  typology: string | null;
  rooms: number | null;
  floor: number | null;
  livingArea: number | null;
  price: number | null;
  salesStatus: string;
  orientation: string | null;
  programme: { documentId: string; name: string; city: string | null } | null;
}

export interface PhaseHistoryEntry {
  changedAt: string;
  fromPhase: string | null;
  toPhase: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string | null;
  source: string;
}

export interface PropositionSummary {
  documentId: string;
  proposedOn: string | null;
  answer: string;
  optionUntil: string | null;
  negotiatedPrice: number | null;
  lot: LotSummary | null;
}

export interface ReservationSummary {
  documentId: string;
  status: string;
  contractPrice: number | null;
  signatureDate: string | null;
  createdAt: string;
  lots: LotSummary[];
  negotiation: { documentId: string; subject: string | null } | null;
  buyerName: string | null;
}

/** A legal deadline of the négo, as the sales rules stored it at the last save. */
export interface DeadlineSummary {
  code: string;
  label: string;
  dueDate: string | null;
  state: string;
  stateLabel: string;
  explanation: string;
  warnings: string[];
}

export interface NegotiationProgress {
  documentId: string;
  subject: string | null;
  phase: string;
  status: string;
  missingForNextPhase: string | null;
  ownerName: string | null;
  buyerName: string | null;
  /** Phases of a sale in order, with the current one marked, for the progress steps. */
  steps: Array<{ phase: string; label: string; state: 'done' | 'current' | 'todo' }>;
  history: PhaseHistoryEntry[];
  propositions: PropositionSummary[];
  activeReservation: ReservationSummary | null;
  canClose: boolean;
  canReopen: boolean;
  deadlines: DeadlineSummary[];
  /** Whether the deposit is refunded after a withdrawal, and why; null without withdrawal. */
  depositRefund: string | null;
}

export interface NegotiationOption {
  documentId: string;
  subject: string | null;
  phase: string;
  buyerName: string | null;
  ownerName: string | null;
}

export interface MatchResult {
  lot: LotSummary;
  score: number;
  reasons: Array<{ code: string; label: string }>;
}

export interface MatchesResponse {
  negotiation: NegotiationOption & { status: string };
  need: {
    housingType: string | null;
    budgetMin: number | null;
    budgetMax: number | null;
    city: string | null;
    department: string | null;
    programmeName: string | null;
  };
  hasCriteria: boolean;
  matches: MatchResult[];
  /** Lots already proposed in this négo, left out of the matches. */
  alreadyProposed: string[];
}

export interface ProposeResponse {
  created: Array<{ lot: string; propositionDocumentId: string }>;
  rejected: Array<{ lot: string; code: string; message: string }>;
  progress: NegotiationProgress;
}

export interface ContactSummary {
  documentId: string;
  fullName: string | null;
  negotiations: Array<NegotiationOption & { status: string; createdAt: string }>;
  activities: Array<{ documentId: string; kind: string; subject: string; status: string; priority: string; dueAt: string | null; negotiationSubject: string | null }>;
  reservations: ReservationSummary[];
}

export interface ActivityItem {
  documentId: string;
  kind: string;
  subject: string;
  priority: string;
  status: string;
  dueAt: string | null;
  contactName: string | null;
  negotiation: { documentId: string; subject: string | null } | null;
  ownerName: string | null;
}

export interface DashboardResponse {
  viewer: { name: string; seesTeam: boolean };
  openByPhase: Array<{ phase: string; label: string; count: number }>;
  overdueActivities: ActivityItem[];
  todayActivities: ActivityItem[];
  /** Legal deadlines past their date on the viewer's open négos, oldest first. */
  overdueDeadlines: Array<{ negotiationDocumentId: string; negotiationSubject: string | null; label: string; dueDate: string | null; explanation: string }>;
  recentReservations: ReservationSummary[];
  /** Only for the sales director and the administrator. */
  team: {
    pipelineByPhase: Array<{ phase: string; label: string; total: number; byOwner: Record<string, number> }>;
    owners: string[];
    pipelineByProgramme: Array<{ programme: string; count: number }>;
    reservationsByMonth: Array<{ month: string; label: string; count: number; amount: number; isCurrentMonth: boolean }>;
  } | null;
}

export interface ProgrammeStock {
  documentId: string;
  name: string;
  city: string | null;
  plannedDeliveryDate: string | null;
  lotCount: number;
  availableCount: number;
}

export interface ProgrammeLotsResponse {
  programme: ProgrammeStock;
  lots: LotSummary[];
}
