// One lock for every writer of the data tables, across tabs and workers (Web Locks). Imports,
// bundle and sample loads and single deletes hold it shared, so they run side by side: each
// writes only its own rows. Deleting everything (a reset) needs it exclusive, and never waits
// for it: if any writer holds it, the reset is refused at once, worded, and nothing changes.
// (Waiting would also deadlock: a queued exclusive request holds back later shared ones.)
import { noticeError } from '../i18n/notice';

/** The Web Lock every writer of imports and their rows holds. */
export const DATA_LOCK = 'loom-data';

type Locks = {
  request<T>(name: string, options: LockOptions, fn: (lock: Lock | null) => Promise<T>): Promise<T>;
};

const locks = (): Locks | undefined =>
  typeof navigator !== 'undefined' ? (navigator.locks as Locks | undefined) : undefined;

/** Runs `fn` while holding the data lock shared (waiting for a reset to finish first). */
export async function asWriter<T>(fn: () => Promise<T>): Promise<T> {
  const l = locks();
  return l ? l.request(DATA_LOCK, { mode: 'shared' }, fn) : fn();
}

/**
 * Runs `fn` holding the data lock exclusive, if no writer holds it now; otherwise throws a
 * NoticeError ('busy-writing') without running it.
 */
export async function asSoleWriter<T>(fn: () => Promise<T>): Promise<T> {
  const l = locks();
  if (!l) return fn();
  let ran = false;
  const out = await l.request(DATA_LOCK, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
    if (!lock) return undefined;
    ran = true;
    return fn();
  });
  if (!ran) throw noticeError('busy-writing');
  return out as T;
}

/**
 * Runs `fn` holding a lock of its own, named for a group of imports (a bundle, the sample):
 * start-up cleanup in any tab leaves the group's staged imports alone while it is held, and
 * removes them once it is free (the tab closed before the group was made active).
 */
export async function holdingGroup<T>(fn: (group: string) => Promise<T>): Promise<T> {
  const group = `loom-group-${crypto.randomUUID()}`;
  const l = locks();
  return l ? l.request(group, { mode: 'exclusive' }, () => fn(group)) : fn(group);
}
