import type { FraudSignal } from './fraud-signals.view';
import type { ActivityEntry } from './fraud.doc';
import { yearSignal, type EventRef, type YearClause } from './fraud.signal';
import { beijingDate, hash64 } from './fraud.text';
import { pushTo, type YearIndex } from './fraud.year-index';

const DAY_MS = 86_400_000;

/**
 * F-5 activity inflation: identical attendee lists; one enterprise at overlapping activities; a
 * surge of records dated just before S1-1's period end.
 */
export function activitySignals(index: YearIndex): FraudSignal[] {
  return [...identicalLists(index), ...overlapping(index), ...deadlineSurge(index)];
}

function signal(index: YearIndex, clause: YearClause): FraudSignal {
  return yearSignal(index, 'F-5', 'activities', clause);
}

/** Lists compared as sets of USCCs; named by a hash of the set, which later activities keep. */
function identicalLists(index: YearIndex): FraudSignal[] {
  const { identicalListMinAttendees, identicalListActivities } = index.thresholds;
  const byList = new Map<string, ActivityEntry[]>();
  for (const activity of index.activities) {
    if (activity.attendees.length < identicalListMinAttendees) continue;
    const attendees = [...new Set(activity.attendees)];
    if (attendees.length < identicalListMinAttendees) continue;
    pushTo(byList, attendees.sort().join(','), activity);
  }
  const signals: FraudSignal[] = [];
  for (const [list, activities] of byList) {
    if (activities.length < identicalListActivities) continue;
    const attendees = list.split(',').length;
    const count = String(activities.length);
    signals.push(
      signal(index, {
        kind: 'identical_attendee_lists',
        subject: ['identical-attendees', hash64(list)],
        severity: 'medium',
        events: activities,
        figures: { activities: activities.length, attendees },
        zh: `${count} 场活动的参加企业名单完全相同（均为 ${String(attendees)} 家企业）`,
        en: `${count} activities have the identical list of ${String(attendees)} attending enterprises`,
      }),
    );
  }
  return signals;
}

/**
 * Offline activities dated at the same instant that share an attendee. Activities dated by day
 * only say nothing about their hours, so only those with a time of day are compared.
 */
function overlapping(index: YearIndex): FraudSignal[] {
  const byInstant = new Map<number, ActivityEntry[]>();
  for (const activity of index.activities) {
    if (!activity.offline || !activity.timed || activity.occurredMs === null) continue;
    pushTo(byInstant, activity.occurredMs, activity);
  }
  const byUscc = new Map<string, { activities: Set<ActivityEntry>; instants: Set<number> }>();
  for (const [instant, activities] of byInstant) {
    if (activities.length < 2) continue;
    const attended = new Map<string, ActivityEntry[]>();
    for (const activity of activities) {
      for (const uscc of new Set(activity.attendees)) pushTo(attended, uscc, activity);
    }
    for (const [uscc, shared] of attended) {
      if (shared.length < 2) continue;
      let entry = byUscc.get(uscc);
      if (entry === undefined) {
        entry = { activities: new Set(), instants: new Set() };
        byUscc.set(uscc, entry);
      }
      for (const activity of shared) entry.activities.add(activity);
      entry.instants.add(instant);
    }
  }
  const signals: FraudSignal[] = [];
  for (const [uscc, { activities, instants }] of byUscc) {
    const count = String(activities.size);
    signals.push(
      signal(index, {
        kind: 'overlapping_activities',
        subject: ['overlapping-activities', uscc],
        severity: 'medium',
        events: [...activities],
        figures: { uscc, activities: activities.size, instants: instants.size },
        zh: `企业 ${uscc} 同时出现在 ${count} 场同一时刻举行的线下活动中（${String(instants.size)} 个时刻）`,
        en: `Enterprise ${uscc} attends ${count} offline activities held at the same instant (${String(instants.size)} instants)`,
      }),
    );
  }
  return signals;
}

/**
 * Activities, trainings and service records dated in the last `surgeDays` of the period, against
 * the period's average over as many days (the period's own records, the last days included).
 */
function deadlineSurge(index: YearIndex): FraudSignal[] {
  const { surgeDays, surgeFactor, surgeMinRecords } = index.thresholds;
  const { periodStartMs, periodEndMs } = index.windows;
  const surgeStartMs = Math.max(periodStartMs, periodEndMs - surgeDays * DAY_MS);
  let inPeriod = 0;
  const late: EventRef[] = [];
  const count = (records: readonly (EventRef & { readonly occurredMs: number | null })[]): void => {
    for (const record of records) {
      const at = record.occurredMs;
      if (at === null || at < periodStartMs || at >= periodEndMs) continue;
      inPeriod += 1;
      if (at >= surgeStartMs) late.push(record);
    }
  };
  count(index.activities);
  const lateActivities = late.length;
  count(index.trainings);
  count(index.services);
  const periodDays = (periodEndMs - periodStartMs) / DAY_MS;
  const days = (periodEndMs - surgeStartMs) / DAY_MS;
  const average = (inPeriod * days) / periodDays;
  if (late.length < surgeMinRecords || late.length < surgeFactor * average) return [];
  const factor = Math.round((late.length / average) * 10) / 10;
  const averageText = String(Math.round(average * 10) / 10);
  const from = beijingDate(surgeStartMs);
  const to = beijingDate(periodEndMs - 1);
  return [
    signal(index, {
      kind: 'deadline_surge',
      subject: ['deadline-surge'],
      // What a confirmation finds fabricated: activities alone, or records (services, trainings).
      fabricates: late.length === lateActivities ? 'activities' : 'records',
      severity: 'medium',
      events: late,
      figures: {
        records: late.length,
        days,
        periodRecords: inPeriod,
        averageForDays: Math.round(average * 10) / 10,
        factor,
        from,
        to,
      },
      zh: `实施期最后 ${String(days)} 天（${from} 至 ${to}）记录了 ${String(late.length)} 条活动、培训与服务，是实施期同样天数平均值（${averageText} 条）的 ${String(factor)} 倍`,
      en: `${String(late.length)} activities, trainings and services are dated in the last ${String(days)} days of the period (${from} to ${to}), ${String(factor)} times the period's average of ${averageText} over as many days`,
    }),
  ];
}
