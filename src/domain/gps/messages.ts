import type { ChangeCounts, SyncCounts, WithdrawalGuardBreach } from './plan';

/** French wording of run reports; counts use French plural agreement (0 and 1 singular). */

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count.toLocaleString('fr-FR')} ${count >= 2 ? pluralForm : singular}`;
}

function describeChanges(counts: ChangeCounts, withdrawnWord: { singular: string; plural: string }): string {
  return [
    plural(counts.created, 'créé', 'créés'),
    plural(counts.updated, 'modifié', 'modifiés'),
    plural(counts.unchanged, 'inchangé', 'inchangés'),
    plural(counts.withdrawn, withdrawnWord.singular, withdrawnWord.plural),
  ].join(', ');
}

/** « 35 programmes (35 créés, 0 modifié, …) et 676 lots (…) ; aucune ligne rejetée ». */
export function describeCounts(counts: SyncCounts): string {
  const programmeTotal = counts.programmes.created + counts.programmes.updated + counts.programmes.unchanged + counts.programmes.withdrawn;
  const lotTotal = counts.lots.created + counts.lots.updated + counts.lots.unchanged + counts.lots.withdrawn;
  const programmes = `${plural(programmeTotal, 'programme', 'programmes')} (${describeChanges(counts.programmes, { singular: 'terminé', plural: 'terminés' })})`;
  const lots = `${plural(lotTotal, 'lot', 'lots')} (${describeChanges(counts.lots, { singular: 'retiré', plural: 'retirés' })})`;
  const rejected = counts.rejected === 0 ? 'aucune ligne rejetée' : plural(counts.rejected, 'ligne rejetée', 'lignes rejetées');
  return `${programmes} et ${lots} ; ${rejected}`;
}

function describeDifferences(count: number): string {
  if (count === 0) return '';
  return ` ${plural(count, 'lot garde', 'lots gardent')} le statut du CRM, différent de celui de GPS.`;
}

export function completedRunMessage(input: { counts: SyncCounts; dryRun: boolean; differenceCount: number }): string {
  const head = input.dryRun ? "Simulation de la synchronisation GPS (rien n'a été écrit)" : 'Synchronisation GPS terminée';
  const tail = input.counts.rejected > 0 ? ' Les lignes rejetées sont détaillées dans le rapport.' : '';
  return `${head} : ${describeCounts(input.counts)}.${tail}${describeDifferences(input.differenceCount)}`;
}

function formatPercent(share: number): string {
  return `${(share * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
}

export function withdrawalGuardMessage(breach: WithdrawalGuardBreach): string {
  return (
    `Synchronisation GPS non appliquée : elle retirerait ${breach.availableWithdrawn.toLocaleString('fr-FR')} ` +
    `des ${breach.availableBefore.toLocaleString('fr-FR')} lots disponibles (${formatPercent(breach.share)}), ` +
    `au-delà du seuil de ${formatPercent(breach.maxShare)}. Un export tronqué produit cet effet : vérifiez les ` +
    `fichiers GPS, puis relancez en forçant la synchronisation si ces retraits sont voulus. Rien n'a été modifié.`
  );
}

export function failedRunMessage(detail: string): string {
  return `Échec de la synchronisation GPS : ${detail} Rien n'a été modifié.`;
}

export const SKIPPED_RUN_MESSAGE =
  "Synchronisation GPS ignorée : une autre synchronisation est déjà en cours. Rien n'a été modifié.";
