import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { NegotiationOption } from '../../../shared/contracts';
import { useApi } from '../api';
import { label } from '../format';
import { API } from '../pluginId';

/** Select of the viewer's open négos (the team's for the sales director). */
export const NegotiationPicker = ({ value, onChange, hint }: { value: string | null; onChange: (documentId: string | null) => void; hint?: string }) => {
  const options = useApi<NegotiationOption[]>(`${API}/negotiations`);
  return (
    <Field.Root name="negotiation" hint={hint}>
      <Field.Label>Négo</Field.Label>
      <SingleSelect
        placeholder={options.isLoading ? 'Chargement des négos…' : 'Choisir une négo ouverte'}
        value={value ?? undefined}
        onChange={(selected: string | number) => onChange(String(selected))}
        onClear={() => onChange(null)}
        data-testid="negotiation-picker"
      >
        {(options.data ?? []).map((option) => (
          <SingleSelectOption key={option.documentId} value={option.documentId}>
            {`${option.subject ?? 'Négo sans sujet'} · ${label(option.phase)}${option.ownerName ? ` · ${option.ownerName}` : ''}`}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
    </Field.Root>
  );
};
