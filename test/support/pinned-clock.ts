// Integration and browser tests run as on Saturday 28 November 2026, 12:00 in Beijing, with the clock
// moving on from there: the due dates of applications received "today" then fall within the years of the
// bundled official calendar (2004–2026), whatever the real date of the run. A test of a later year enters
// that year's calendar itself.
import { vi } from 'vitest';

vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: new Date('2026-11-28T04:00:00Z') });
