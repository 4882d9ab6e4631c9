import { reject } from '../shared/decision';
import type { FieldCheck } from '../shared/field-checks';
import type { PlatformYearState } from './platform-year.state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** D-RECORD-ID: a record's id is a UUID (also its event id), new in its year. */
export function recordIdProblem(recordId: string, state: PlatformYearState): FieldCheck {
  if (!UUID.test(recordId))
    return reject('VALIDATION_FAILED', 'D-RECORD-ID', 'must be a UUID', 'recordId');
  return state.records.has(recordId)
    ? reject(
        'CONFLICT',
        'D-RECORD-ID',
        'a record with this id already exists in this year',
        'recordId',
      )
    : null;
}
