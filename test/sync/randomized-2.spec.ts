/** F27, the second half of the seeds (test/sync/support/random-runs.ts says what a run does). */
import { describeRandomRuns } from './support/random-runs';

describeRandomRuns(1);
