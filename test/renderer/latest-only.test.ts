/** Searching as keys arrive: one question on its way, and only the latest query's answer shown. */
import { describe, expect, test } from 'vitest';
import { latestOnly } from '../../renderer/search/latest-only';

/** A desk whose answers the test releases one by one, in any order. */
function slowDesk() {
  const pending = new Map<string, { resolve: (answer: string) => void; reject: (error: Error) => void }>();
  const asked: string[] = [];
  const call = (query: string) =>
    new Promise<string>((resolve, reject) => {
      asked.push(query);
      pending.set(query, { resolve, reject });
    });
  const answer = async (query: string) => {
    const waiting = pending.get(query);
    if (!waiting) throw new Error(`${query} was not asked`);
    pending.delete(query);
    waiting.resolve(`answer to ${query}`);
    // Let the answer's callbacks run.
    await new Promise((done) => setTimeout(done, 0));
  };
  const fail = async (query: string) => {
    pending.get(query)?.reject(new Error('line down'));
    pending.delete(query);
    await new Promise((done) => setTimeout(done, 0));
  };
  return { call, answer, fail, asked, pending };
}

function typing() {
  const desk = slowDesk();
  const shown: string[] = [];
  const box = latestOnly<string, string>(
    desk.call,
    (_query, answer) => shown.push(answer),
    (q) => q,
  );
  return { desk, shown, box };
}

describe('latestOnly', () => {
  test('the first key is asked at once, without a pause', () => {
    const { desk, box } = typing();
    box.ask('w');
    expect(desk.asked).toEqual(['w']);
  });

  test('keys typed while an answer is awaited wait, and only the last of them is asked', async () => {
    const { desk, shown, box } = typing();
    box.ask('w');
    box.ask('wa');
    box.ask('wan');
    box.ask('wang');
    expect(desk.asked).toEqual(['w']);
    await desk.answer('w');
    // The answer to "w" is typed over: never shown. "wang" goes next; "wa" and "wan" never do.
    expect(shown).toEqual([]);
    expect(desk.asked).toEqual(['w', 'wang']);
    await desk.answer('wang');
    expect(shown).toEqual(['answer to wang']);
  });

  test('an older answer arriving after a newer one is never shown', async () => {
    const { desk, shown, box } = typing();
    box.ask('li');
    await desk.answer('li');
    box.ask('lin');
    box.ask('li');
    // Back to "li" while "lin" is on its way: "lin"'s answer must not land over "li".
    await desk.answer('lin');
    expect(shown).toEqual(['answer to li']);
    expect(desk.asked).toEqual(['li', 'lin', 'li']);
    await desk.answer('li');
    expect(shown).toEqual(['answer to li', 'answer to li']);
  });

  test('the same query again is not asked twice, unless the data changed', async () => {
    const { desk, shown, box } = typing();
    box.ask('zs');
    box.ask('zs');
    expect(desk.asked).toEqual(['zs']);
    await desk.answer('zs');
    box.ask('zs');
    expect(desk.asked).toEqual(['zs']);
    box.ask('zs', true);
    expect(desk.asked).toEqual(['zs', 'zs']);
    await desk.answer('zs');
    expect(shown).toEqual(['answer to zs', 'answer to zs']);
  });

  test('a change while the query is on its way asks it once more after', async () => {
    const { desk, shown, box } = typing();
    box.ask('wl');
    box.ask('wl', true);
    await desk.answer('wl');
    expect(desk.asked).toEqual(['wl', 'wl']);
    await desk.answer('wl');
    expect(shown).toEqual(['answer to wl', 'answer to wl']);
  });

  test('a failed question does not stop the next one, and shows nothing', async () => {
    const { desk, shown, box } = typing();
    box.ask('13');
    box.ask('1380');
    await desk.fail('13');
    expect(desk.asked).toEqual(['13', '1380']);
    await desk.answer('1380');
    expect(shown).toEqual(['answer to 1380']);
  });

  test('after the box is emptied the awaited answer is dropped and the query is asked afresh', async () => {
    const { desk, shown, box } = typing();
    box.ask('wang');
    await desk.answer('wang');
    box.ask('wangf');
    box.clear();
    await desk.answer('wangf');
    expect(shown).toEqual(['answer to wang']);
    box.ask('wang');
    expect(desk.asked).toEqual(['wang', 'wangf', 'wang']);
  });

  test('after stop nothing is shown or asked', async () => {
    const { desk, shown, box } = typing();
    box.ask('w');
    box.ask('wa');
    box.stop();
    await desk.answer('w');
    box.ask('wan');
    expect(shown).toEqual([]);
    expect(desk.asked).toEqual(['w']);
  });
});
