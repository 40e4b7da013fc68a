/**
 * Shows a folder walk to the user as LSP work-done progress ("Indexing 1,200
 * of 6,008 files"), for clients that support server-initiated progress. The
 * walk reports its state as it goes; this turns the states into one
 * begin / report… / end sequence per walk, even though creating the progress
 * token is a round trip to the client that may finish after the walk did.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Logger } from './runSafe';
import { describeError } from './runSafe';
import type { IndexingState } from './workspaceSync';
import { groupedNumber } from '../core/text/numbers';

const TITLE = 'Neutron Config';

export class IndexingProgress {
  private reporter: WorkDoneProgressServerReporter | undefined;
  /** A token is being created; the latest state waits for it. */
  private creating = false;
  private latest: IndexingState | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
  ) {}

  update(state: IndexingState | undefined): void {
    this.latest = state;
    if (this.creating) return;
    if (state && !this.reporter) {
      this.creating = true;
      this.connection.window.createWorkDoneProgress().then(
        (reporter) => {
          this.creating = false;
          this.reporter = reporter;
          reporter.begin(TITLE, 0, 'Indexing…', false);
          this.show();
        },
        (error: unknown) => {
          this.creating = false;
          this.logger.warn(`Creating the indexing progress failed: ${describeError(error)}`);
        },
      );
      return;
    }
    this.show();
  }

  private show(): void {
    const reporter = this.reporter;
    if (!reporter) return;
    const state = this.latest;
    if (!state) {
      this.reporter = undefined;
      reporter.done();
      return;
    }
    reporter.report(percentage(state), progressMessage(state));
  }
}

/** "Indexing 120 of 6,008 files" once the walk knows the total, "Indexing 120 files (still finding more)" before. */
export function progressMessage(state: IndexingState): string {
  const read = groupedNumber(state.filesRead);
  return state.walking ? `Indexing ${read} files (still finding more)` : `Indexing ${read} of ${groupedNumber(state.filesFound)} files`;
}

function percentage(state: IndexingState): number {
  if (state.filesFound === 0) return 0;
  // Unknown total while walking: the share found so far, capped short of done.
  const share = Math.floor((100 * state.filesRead) / state.filesFound);
  return state.walking ? Math.min(share, 90) : Math.min(share, 100);
}
