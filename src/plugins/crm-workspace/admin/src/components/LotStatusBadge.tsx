import { Badge } from '@strapi/design-system';
import { label } from '../format';

type Tone = { background: 'success100' | 'warning100' | 'primary100' | 'danger100' | 'neutral150'; text: 'success700' | 'warning700' | 'primary700' | 'danger700' | 'neutral700' };

/** Colours of the developers' price grids: free in green, optioned in orange, reserved in blue, sold in red. */
const TONES: Readonly<Record<string, Tone>> = {
  available: { background: 'success100', text: 'success700' },
  optioned: { background: 'warning100', text: 'warning700' },
  reserved: { background: 'primary100', text: 'primary700' },
  sold: { background: 'danger100', text: 'danger700' },
  withdrawn: { background: 'neutral150', text: 'neutral700' },
};

export const LotStatusBadge = ({ status }: { status: string }) => {
  const tone = TONES[status] ?? TONES.withdrawn;
  return (
    <Badge backgroundColor={tone.background} textColor={tone.text} data-status={status}>
      {label(status)}
    </Badge>
  );
};
