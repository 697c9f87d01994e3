export { frenchMonthLabel, monthsUpTo, parisDay, parisMonth } from './paris-calendar';
export {
  countByPhase,
  pipelineByPhaseAndOwner,
  pipelineByProgramme,
  reservationsByMonth,
  splitDueActivities,
  type DueActivity,
  type MonthlyReservations,
  type PhaseCount,
  type PipelineRow,
  type ProgrammeCount,
} from './summaries';
