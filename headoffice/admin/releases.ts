/**
 * `release …`, the admin CLI's update commands (docs/architecture/updates.md):
 *   release upload DIR                     electron-builder's output folder (latest.yml and/or
 *                                          latest-linux.yml and the files they name); offered to nobody yet
 *   release list                           releases, newest first, with their rollout
 *   release rollout VERSION [--stores A001,A002] [--percent 20]
 *                                          who is offered VERSION: the stores listed and a share of all PCs
 *   release pause VERSION | release resume VERSION
 */
import type { HqDatabase } from '../db/open';
import { listReleases, setPaused, setRollout, uploadRelease, type ReleaseRow } from '../updates/releases';

export const RELEASE_USAGE =
  'release upload DIR | release list | release rollout VERSION [--stores A001,A002] [--percent N] | release pause VERSION | release resume VERSION';

function describe(release: ReleaseRow): string {
  const audience = release.paused
    ? 'paused: offered to nobody'
    : release.percent === 0 && release.storeCodes.length === 0
      ? 'offered to nobody yet (release rollout)'
      : [
          release.storeCodes.length > 0 ? `stores ${release.storeCodes.join(', ')}` : null,
          release.percent > 0 ? `${release.percent}% of PCs` : null,
        ]
          .filter(Boolean)
          .join(' and ');
  return `${release.version}  ${release.platforms.join('+').padEnd(9)}  uploaded ${release.uploadedAt}  ${audience}`;
}

export async function runReleaseCommand(
  db: HqDatabase,
  updatesDir: string,
  args: string[],
  options: { stores?: string; percent?: string },
): Promise<string> {
  const [action, target] = args;
  const needVersion = () => {
    if (!target) throw new Error(`release ${action} needs a version (see \`release list\`)`);
    return target;
  };
  switch (action) {
    case 'upload': {
      if (!target) throw new Error('release upload needs the folder electron-builder wrote (e.g. dist/)');
      const release = await uploadRelease(db, updatesDir, target);
      return `Uploaded ${describe(release)}`;
    }
    case 'list': {
      const releases = await listReleases(db);
      return releases.length > 0 ? releases.map(describe).join('\n') : 'No releases uploaded';
    }
    case 'rollout': {
      const version = needVersion();
      if (options.stores === undefined && options.percent === undefined)
        throw new Error('release rollout needs --stores A001,A002 and/or --percent N');
      const percent = options.percent === undefined ? undefined : Number(options.percent);
      const storeCodes =
        options.stores === undefined
          ? undefined
          : options.stores
              .split(',')
              .map((code) => code.trim())
              .filter(Boolean);
      return describe(await setRollout(db, version, { percent, storeCodes }));
    }
    case 'pause':
      return describe(await setPaused(db, needVersion(), true));
    case 'resume':
      return describe(await setPaused(db, needVersion(), false));
    default:
      throw new Error(`usage: ${RELEASE_USAGE}`);
  }
}
