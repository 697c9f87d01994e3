import * as React from 'react';
import { Button, DateTimePicker, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage } from '../api';
import { label } from '../format';
import { API } from '../pluginId';

const KINDS = ['call', 'meeting', 'task', 'email', 'visit'];
const PRIORITIES = ['low', 'normal', 'high'];

/** Today at 18:00, or the next quarter-hour when later, so a new activity is due today by default. */
function defaultDueAt(now: Date = new Date()): Date {
  const evening = new Date(now);
  evening.setHours(18, 0, 0, 0);
  if (now < evening) return evening;
  const next = new Date(now);
  next.setMinutes(Math.min(Math.ceil((now.getMinutes() + 1) / 15) * 15, 59), 0, 0);
  return next;
}

/**
 * « Nouvelle activité » of a négo or contact panel: an appointment, a call or a task planned
 * for the négociateur, due today at 18:00 unless changed.
 */
export const ActivityButton = ({ negotiation, contact, onCreated }: { negotiation?: string; contact?: string; onCreated?: () => void }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = React.useState(false);
  const [kind, setKind] = React.useState('call');
  const [subject, setSubject] = React.useState('');
  const [priority, setPriority] = React.useState('normal');
  const [dueAt, setDueAt] = React.useState<Date | undefined>(undefined);
  const [description, setDescription] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);

  const start = () => {
    setKind('call');
    setSubject('');
    setPriority('normal');
    setDueAt(defaultDueAt());
    setDescription('');
    setError(null);
    setOpen(true);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (subject.trim() === '') {
      setError("Indiquez le sujet de l'activité.");
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await post(`${API}/activities`, {
        kind,
        subject: subject.trim(),
        priority,
        dueAt: dueAt ? dueAt.toISOString() : null,
        description: description.trim() || null,
        negotiation: negotiation ?? null,
        contact: contact ?? null,
      });
      toggleNotification({ type: 'success', message: `Activité planifiée : ${label(kind)} « ${subject.trim()} ».` });
      setOpen(false);
      onCreated?.();
    } catch (requestError) {
      setError(errorMessage(requestError));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button variant="tertiary" size="S" onClick={start}>
        Nouvelle activité
      </Button>
      {open ? (
        <Modal.Root open onOpenChange={(isOpen) => setOpen(isOpen)}>
          <Modal.Content>
            <form onSubmit={submit}>
              <Modal.Header>
                <Modal.Title>Nouvelle activité</Modal.Title>
              </Modal.Header>
              <Modal.Body>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Field.Root name="kind" required>
                    <Field.Label>Type d'activité</Field.Label>
                    <SingleSelect value={kind} onChange={(value: string | number) => setKind(String(value))}>
                      {KINDS.map((value) => (
                        <SingleSelectOption key={value} value={value}>
                          {label(value)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                  <Field.Root name="subject" required>
                    <Field.Label>Sujet</Field.Label>
                    <TextInput value={subject} maxLength={200} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSubject(event.target.value)} />
                  </Field.Root>
                  <Field.Root name="priority">
                    <Field.Label>Priorité</Field.Label>
                    <SingleSelect value={priority} onChange={(value: string | number) => setPriority(String(value))}>
                      {PRIORITIES.map((value) => (
                        <SingleSelectOption key={value} value={value}>
                          {label(value)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                  <Field.Root name="dueAt">
                    <Field.Label>Échéance</Field.Label>
                    <DateTimePicker locale="fr-FR" value={dueAt ?? null} onChange={(date: Date | undefined) => setDueAt(date)} onClear={() => setDueAt(undefined)} clearLabel="Effacer l'échéance" dateLabel="Date" timeLabel="Heure" />
                  </Field.Root>
                  <Field.Root name="description">
                    <Field.Label>Description</Field.Label>
                    <Textarea value={description} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setDescription(event.target.value)} />
                  </Field.Root>
                  {error ? (
                    <Typography textColor="danger600" role="alert">
                      {error}
                    </Typography>
                  ) : null}
                </Flex>
              </Modal.Body>
              <Modal.Footer>
                <Modal.Close>
                  <Button variant="tertiary">Annuler</Button>
                </Modal.Close>
                <Button type="submit" loading={saving}>
                  Planifier
                </Button>
              </Modal.Footer>
            </form>
          </Modal.Content>
        </Modal.Root>
      ) : null}
    </>
  );
};
