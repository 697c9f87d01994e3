/** French display helpers of the synchronisation page. */
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : DATE_TIME.format(date);
}

export function formatDuration(start: string | null | undefined, end: string | null | undefined): string {
  if (!start || !end) return '—';
  const seconds = (new Date(end).getTime() - new Date(start).getTime()) / 1000;
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  return seconds < 60 ? `${seconds.toFixed(1).replace('.', ',')} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export const TRIGGER_LABELS: Record<string, string> = {
  schedule: 'Planifiée',
  admin: 'Manuelle (administration)',
  cli: 'Ligne de commande',
  demo: 'Démo',
};

export const STATUS_LABELS: Record<string, { label: string; variant: 'success' | 'secondary' | 'danger' | 'warning' | 'neutral' }> = {
  running: { label: 'En cours', variant: 'secondary' },
  success: { label: 'Réussie', variant: 'success' },
  partial: { label: 'Partielle', variant: 'warning' },
  failed: { label: 'Échouée', variant: 'danger' },
  skipped: { label: 'Ignorée', variant: 'neutral' },
};
