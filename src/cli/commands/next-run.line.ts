/**
 * The line `kneewise status` opens with when pain or a return-to-run sets the next run (issue 13: the
 * ceiling must never be the headline above "knee pain is not settling"). The same lead as Today's card.
 */
import { type DistanceUnits, formatDistance } from '../../domain/units.ts';
import type { NextRunLead } from '../../services/today.service.ts';

export function nextRunLeadLine(lead: NextRunLead, units: DistanceUnits): string | null {
  if (lead.leads === 'ceiling') return null;
  const who =
    lead.leads === 'pain' ? 'Your knee pain sets the next run' : 'Your return to running sets the next run';
  const session =
    lead.session === null
      ? 'no run is planned this week'
      : `${lead.session.title}${lead.session.distanceM === null ? '' : `, about ${formatDistance(lead.session.distanceM, units, { roundDown: true })}`} on ${lead.session.date}`;
  const context =
    lead.ceilingM === null
      ? ''
      : ` The 10 % ceiling (${formatDistance(lead.ceilingM, units, { roundDown: true })}) is context, not a target.`;
  return `${who}: ${session}.${lead.reason ? ` ${lead.reason}` : ''}${context}`;
}
