import { DatePicker } from '@strapi/design-system';

function toIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function fromIsoDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Noon, because the picker turns the Date into a day in UTC: local midnight in Paris is
  // still the previous day in UTC.
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12) : undefined;
}

/**
 * Date field shown as jj/mm/aaaa whatever the browser's language, unlike a native date input,
 * with its value as yyyy-mm-dd ('' when empty).
 */
export const FrenchDatePicker = ({ value, onChange, minDate, maxDate }: { value: string; onChange: (value: string) => void; minDate?: Date; maxDate?: Date }) => (
  <DatePicker
    locale="fr-FR"
    value={fromIsoDate(value)}
    onChange={(date: Date | undefined) => onChange(date ? toIsoDate(date) : '')}
    onClear={() => onChange('')}
    clearLabel="Effacer la date"
    calendarLabel="Calendrier"
    monthSelectLabel="Mois"
    yearSelectLabel="Année"
    minDate={minDate}
    maxDate={maxDate}
  />
);
