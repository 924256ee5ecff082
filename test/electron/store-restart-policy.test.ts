import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../electron/store/restart-policy';

describe('when the store process is started again', () => {
  it('backs off after each quick fault in a row and gives up after the last allowed one', () => {
    let now = 0;
    const policy = new RestartPolicy(
      { firstDelayMs: 500, maxDelayMs: 1_500, quickMs: 60_000, maxQuickFaults: 4 },
      () => now,
    );
    policy.started();
    now += 1_000;
    expect(policy.crashed()).toBe(500);
    policy.started();
    now += 1_000;
    expect(policy.crashed()).toBe(1_000);
    // A process that never became ready counts as quick too.
    expect(policy.crashed()).toBe(1_500);
    expect(policy.crashed()).toBeNull();
  });

  it('starts counting afresh after a process that ran longer than the quick window', () => {
    let now = 0;
    const policy = new RestartPolicy({ firstDelayMs: 500, quickMs: 60_000, maxQuickFaults: 2 }, () => now);
    policy.started();
    now += 1_000;
    expect(policy.crashed()).toBe(500);
    policy.started();
    now += 3_600_000;
    expect(policy.crashed()).toBe(500);
  });
});
