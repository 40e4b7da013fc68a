/**
 * `neutron-config check --timing`: where the time of one run went, printed to
 * stderr after the report. The phases of the run, the time the garbage
 * collector took during it, and the rules that took the most, so that a user
 * whose CI job got slow can tell whether the disk, the size of the tree or one
 * check is the cause (issue #18).
 */
import { PerformanceObserver, performance } from 'perf_hooks';
import type { Rule } from './core/rules/rule';
import { groupedNumber } from './core/text/numbers';

/** The phases of a check, in the order they run; each ends where the next begins. */
export const TIMED_PHASES = ['walk and read', 'parse and index', 'rules', 'report'] as const;
export type TimedPhase = (typeof TIMED_PHASES)[number];

/** How many rules the report lists. */
const LISTED_RULES = 10;

export class RunTiming {
  /** Time from the start of the process to this run: node's start and the loading of the program. */
  private readonly startUp = performance.now();
  private last = this.startUp;
  private readonly phases = new Map<TimedPhase, number>();
  private readonly rules = new Map<string, { ms: number; runs: number }>();
  private collecting = 0;
  private readonly collections = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.collecting += entry.duration;
  });

  constructor() {
    this.collections.observe({ entryTypes: ['gc'] });
  }

  /** Stops listening to the collector; the run is over. */
  stop(): void {
    this.collections.disconnect();
  }

  /** The phase that ends now. */
  ended(phase: TimedPhase): void {
    const now = performance.now();
    this.phases.set(phase, (this.phases.get(phase) ?? 0) + (now - this.last));
    this.last = now;
  }

  /** Passed to the service as its onRuleTimed hook. */
  readonly ruleTimed = (rule: Rule, ms: number): void => {
    const name = rule.codes.join(', ');
    const entry = this.rules.get(name);
    if (entry) {
      entry.ms += ms;
      entry.runs++;
    } else this.rules.set(name, { ms, runs: 1 });
  };

  /**
   * The report. Asynchronous because node hands collections to observers two
   * turns of the event loop after they happen.
   */
  async report(summary: { files: number; threads: number }): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const end = performance.now();
    const rows: [string, number][] = [['start-up (node, loading the program)', this.startUp]];
    for (const phase of TIMED_PHASES) {
      const ms = this.phases.get(phase);
      if (ms !== undefined) rows.push([phase === 'walk and read' ? `walk and read (${groupedNumber(summary.files)} files)` : phase, ms]);
    }
    rows.push(['total', end]);
    const width = Math.max(...rows.map(([label]) => label.length));
    const lines = ['timing (ms):'];
    for (const [label, ms] of rows) lines.push(`  ${label.padEnd(width)}  ${milliseconds(ms).padStart(7)}`);
    lines.push(`  of which garbage collection: ${milliseconds(this.collecting)}`);
    const ruleTotal = [...this.rules.values()].reduce((sum, r) => sum + r.ms, 0);
    if (this.rules.size > 0) {
      const slowest = [...this.rules].sort(([a, x], [b, y]) => y.ms - x.ms || (a < b ? -1 : 1)).slice(0, LISTED_RULES);
      const nameWidth = Math.max(...slowest.map(([name]) => name.length));
      lines.push(`rules, slowest first (${milliseconds(ruleTotal)} ms in ${groupedNumber(this.rules.size)} rules${summary.threads > 1 ? ', on the main thread only' : ''}):`);
      for (const [name, { ms, runs }] of slowest) {
        const share = ruleTotal > 0 ? (100 * ms) / ruleTotal : 0;
        lines.push(`  ${name.padEnd(nameWidth)}  ${milliseconds(ms).padStart(7)}  ${share.toFixed(1).padStart(5)}%  ${groupedNumber(runs)} ${runs === 1 ? 'run' : 'runs'}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}

function milliseconds(ms: number): string {
  return groupedNumber(Math.round(ms));
}
