// The newsroom's shifts (reports count by them): one for the team, so a team database lets only leads change them.
import { DEFAULT_SHIFTS, shiftsSchema, type Shifts } from '../../../../shared/reports'
import type { Db } from '../../database/database'
import { readSetting, writeSetting } from './settings'

export const readShifts = (db: Db): Shifts => readSetting(db, 'shifts', shiftsSchema, DEFAULT_SHIFTS)

export const writeShifts = (db: Db, shifts: Shifts): void => writeSetting(db, 'shifts', shifts)
