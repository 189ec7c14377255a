/** 4:05, 12:00, 1:02:03 — elapsed time as a clock shows it (pure: the hub words durations too). */
export { formatDuration } from '../../core/domain/duration';
