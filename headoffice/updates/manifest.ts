/**
 * What electron-builder leaves in its output folder for a release, read and checked before head
 * office accepts it: the channel files (latest.yml for Windows, latest-linux.yml for Linux), the
 * files each names with their sha512 and size, and each file's `.blockmap` beside it (the counter
 * reads the old and new block maps for a differential download). Nothing here writes.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const PLATFORMS = ['win', 'linux'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The channel file electron-updater's generic provider asks for on each platform (channel `latest`). */
export const CHANNEL_FILE: Record<Platform, string> = { win: 'latest.yml', linux: 'latest-linux.yml' };

/** An installer is at most 1 GiB (ours are ~100 MB); a channel file or block map far less. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
export const MAX_CHANNEL_FILE_BYTES = 64 * 1024;
export const MAX_BLOCKMAP_BYTES = 16 * 1024 * 1024;

/** File names head office stores and serves: no folders, no dot-files, nothing a URL must escape. */
const fileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/, 'a file name of letters, digits, . _ + - (no folders)');
export const versionSchema = z
  .string()
  .regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.-]{1,40})?$/, 'a version like 1.4.0 or 1.4.0-beta.1');

export function isFileName(name: string): boolean {
  return fileNameSchema.safeParse(name).success;
}

const channelSchema = z.object({
  version: versionSchema,
  files: z
    .array(
      z.object({
        url: fileNameSchema,
        sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 sha512'),
        size: z.number().int().positive().max(MAX_FILE_BYTES),
      }),
    )
    .min(1)
    .max(8),
});

export type ReleaseFile = { platform: Platform; name: string; size: number; sha512: string; source: string };
export type ReleaseFeed = { platform: Platform; channelFile: string; channelText: string };
export type ReleaseManifest = { version: string; feeds: ReleaseFeed[]; files: ReleaseFile[] };

export async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * electron-builder names an artifact on disk with spaces ("Counterdesk Setup 1.4.0.exe") and in the
 * channel file with dashes (its "safe" name): find the file either way.
 */
function findOnDisk(dir: string, name: string): string | null {
  if (existsSync(join(dir, name))) return join(dir, name);
  const spaced = readdirSync(dir).find((entry) => entry.replaceAll(' ', '-') === name);
  return spaced ? join(dir, spaced) : null;
}

function problem(message: string): Error {
  return new Error(`Release not accepted: ${message}`);
}

/** Reads and checks a release folder; throws naming the first problem. */
export async function readReleaseFolder(dir: string): Promise<ReleaseManifest> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw problem(`${dir} is not a folder`);
  const feeds: ReleaseFeed[] = [];
  const files: ReleaseFile[] = [];
  let version: string | null = null;
  for (const platform of PLATFORMS) {
    const channelFile = CHANNEL_FILE[platform];
    const channelPath = join(dir, channelFile);
    if (!existsSync(channelPath)) continue;
    if (statSync(channelPath).size > MAX_CHANNEL_FILE_BYTES) throw problem(`${channelFile} is over 64 KB`);
    const channelText = readFileSync(channelPath, 'utf8');
    let parsed: z.infer<typeof channelSchema>;
    try {
      parsed = channelSchema.parse(parseYaml(channelText));
    } catch (error) {
      const detail = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
      throw problem(`${channelFile} does not read as electron-builder's channel file: ${detail}`);
    }
    if (version !== null && parsed.version !== version)
      throw problem(`${channelFile} is version ${parsed.version}, the other channel file ${version}`);
    version = parsed.version;
    feeds.push({ platform, channelFile, channelText });
    for (const entry of parsed.files) {
      const source = findOnDisk(dir, entry.url);
      if (!source) throw problem(`${channelFile} names ${entry.url}, which is not in ${dir}`);
      const size = statSync(source).size;
      if (size !== entry.size) throw problem(`${entry.url} is ${size} bytes, ${channelFile} says ${entry.size}`);
      const sha512 = await sha512Of(source);
      if (sha512 !== entry.sha512) throw problem(`${entry.url} does not match its sha512 in ${channelFile}`);
      files.push({ platform, name: entry.url, size, sha512, source });
      const blockmap = findOnDisk(dir, `${entry.url}.blockmap`);
      if (blockmap) files.push(await checkedBlockmap(platform, `${entry.url}.blockmap`, blockmap));
    }
  }
  if (version === null) throw problem(`${dir} has neither ${CHANNEL_FILE.win} nor ${CHANNEL_FILE.linux}`);
  return { version, feeds, files };
}

/** A block map is gzipped JSON with `files[].checksums`; one that does not read would only fail later on a PC. */
async function checkedBlockmap(platform: Platform, name: string, source: string): Promise<ReleaseFile> {
  const size = statSync(source).size;
  if (size > MAX_BLOCKMAP_BYTES) throw problem(`${name} is over 16 MB`);
  try {
    const map = JSON.parse(gunzipSync(readFileSync(source)).toString('utf8')) as { files?: unknown };
    if (!Array.isArray(map.files)) throw new Error('no files');
  } catch {
    throw problem(`${name} is not a block map (gzipped JSON with files)`);
  }
  return { platform, name, size, sha512: await sha512Of(source), source };
}
