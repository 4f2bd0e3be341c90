import { Context } from '@temporalio/activity';

/**
 * Heartbeats the latest progress every few seconds while `work` runs, also through long
 * single SQL statements, so a short heartbeat timeout notices a dead worker quickly
 * without failing a slow but healthy step.
 */
export async function withHeartbeat<T, P>(initial: P, work: (report: (progress: P) => void) => Promise<T>, everyMs = 5000): Promise<T> {
  const context = Context.current();
  let latest = initial;
  const report = (progress: P) => {
    latest = progress;
    context.heartbeat(progress);
  };
  const timer = setInterval(() => context.heartbeat(latest), everyMs);
  try {
    report(initial);
    return await work(report);
  } finally {
    clearInterval(timer);
  }
}
