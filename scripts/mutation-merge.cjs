/**
 * How scripts/merge-mutation-records.mjs folds Stryker incremental records into one.
 *
 * A record holds, per source file, the `source` its mutants were measured on. Runs narrowed to
 * different lines of one file are often made on different versions of it (the file changed
 * between them), and a record can hold one version only. So, when the records hold several, one
 * is kept, the newer: the file as the working tree has it (whether or not a record was measured
 * on it), else the target's (the first record's), else the last record's. A mutant measured on another version is carried
 * into it when every line it
 * spans is unchanged (found by a line diff of the two sources), its lines renumbered; one on a
 * changed line is dropped, to be tested again. Stryker then sees the kept source and reuses the
 * carried results as it reuses its own.
 *
 * Tests and mutants are numbered afresh: each record numbers its own from 0, and a mutant names
 * the tests that cover and kill it by id. A test file is kept in the version equal to the
 * working tree, else the last record's; a test of another version is the kept version's test of
 * the same name whose first line is the same line, unchanged, or is gone.
 */

/**
 * Where each line of `before` is in `after`, for the lines a longest common subsequence of the
 * two keeps (1-based line numbers). A line missing from the map was changed or removed.
 */
function lineMap(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const map = new Map();
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    map.set(head + 1, head + 1);
    head += 1;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) {
    map.set(endA, endB);
    endA -= 1;
    endB -= 1;
  }
  // The changed middle: lengths of the longest common subsequences of its suffixes.
  const rows = endA - head;
  const width = endB - head + 1;
  const lcs = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i -= 1)
    for (let j = width - 2; j >= 0; j -= 1)
      lcs[i * width + j] =
        a[head + i] === b[head + j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
  let i = 0;
  let j = 0;
  while (i < rows && j < width - 1) {
    if (a[head + i] === b[head + j]) {
      map.set(head + i + 1, head + j + 1);
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) i += 1;
    else j += 1;
  }
  return map;
}

/** The location moved by `map`, or undefined when one of its lines changed (or they part). */
function moved(location, map) {
  const { start, end } = location;
  const to = map.get(start.line);
  if (to === undefined) return undefined;
  for (let line = start.line; line <= end.line; line += 1)
    if (map.get(line) !== to + line - start.line) return undefined;
  return {
    start: { ...start, line: to },
    end: { ...end, line: to + end.line - start.line },
  };
}

const at = ({ line, column }) => `${line}:${column}`;
const mutantKey = (m) =>
  `${m.mutatorName} ${m.replacement} ${at(m.location.start)}-${at(m.location.end)}`;
const testKey = (t) => `${t.location?.start?.line}:${t.location?.start?.column} ${t.name}`;

/** The versions of one file in the records, in record order: { at: record index, file }. */
function versionsOf(records, kind, path) {
  return records
    .map((record, at) => ({ at, file: record[kind]?.[path] }))
    .filter((v) => v.file !== undefined);
}

const pathsOf = (records, kind) => [
  ...new Set(records.flatMap((record) => Object.keys(record[kind] ?? {}))),
];

/**
 * The records folded into one, the first record's settings kept, and per source file what was
 * carried from other versions and what was dropped for being on a changed line.
 * `inTree(path)` is the file's text in the working tree, or undefined.
 */
function mergeRecords(records, inTree) {
  const merged = { ...records[0], files: {}, testFiles: {} };
  // Per record, its test ids and the ids they now have.
  const testIds = records.map(() => new Map());
  let nextTest = 0;
  for (const path of pathsOf(records, 'testFiles')) {
    const versions = versionsOf(records, 'testFiles', path);
    const tree = inTree(path);
    const kept =
      versions.findLast((v) => tree !== undefined && v.file.source === tree) ?? versions.at(-1);
    const tests = kept.file.tests.map((test) => ({ ...test, id: String(nextTest++) }));
    const byKey = new Map(tests.map((test) => [testKey(test), test.id]));
    for (const { at, file } of versions) {
      const map =
        file.source === kept.file.source || file.source === undefined
          ? undefined
          : lineMap(file.source, kept.file.source ?? '');
      for (const test of file.tests) {
        const start = test.location?.start;
        const line = start && map ? map.get(start.line) : start?.line;
        if (start && line === undefined) continue;
        const id = byKey.get(
          testKey({ ...test, location: start && { start: { ...start, line } } }),
        );
        if (id !== undefined) testIds[at].set(test.id, id);
      }
    }
    merged.testFiles[path] = { ...kept.file, tests };
  }

  const report = {};
  let nextMutant = 0;
  for (const path of pathsOf(records, 'files')) {
    const versions = versionsOf(records, 'files', path);
    const tree = inTree(path);
    const fallback = versions.find((v) => v.at === 0) ?? versions.at(-1);
    // One version in all records is left as it is: Stryker diffs it against the file itself.
    const oneVersion = versions.every((v) => v.file.source === fallback.file.source);
    const source = oneVersion ? fallback.file.source : (tree ?? fallback.file.source);
    const same = (v) => v.file.source === source;
    // Results measured on the kept version win over carried ones; among each, the later record.
    const order = [...versions.filter((v) => !same(v)), ...versions.filter(same)];
    const mutants = new Map();
    const counts = { carried: 0, dropped: [] };
    for (const version of order) {
      const map = same(version) ? undefined : lineMap(version.file.source, source);
      const renumber = (ids) =>
        ids?.map((id) => testIds[version.at].get(id)).filter((id) => id !== undefined);
      for (const mutant of version.file.mutants) {
        const location = map ? moved(mutant.location, map) : mutant.location;
        if (!location) {
          counts.dropped.push({ ...mutant, from: version.at });
          continue;
        }
        if (map) counts.carried += 1;
        const result = {
          ...mutant,
          location,
          coveredBy: renumber(mutant.coveredBy),
          killedBy: renumber(mutant.killedBy),
        };
        mutants.delete(mutantKey(result));
        mutants.set(mutantKey(result), result);
      }
    }
    merged.files[path] = {
      ...fallback.file,
      source,
      mutants: [...mutants.values()].map((mutant) => ({ ...mutant, id: String(nextMutant++) })),
    };
    report[path] = { ...counts, inTree: source === tree };
  }
  return { record: merged, report };
}

/**
 * Restores in the record the killing tests of its kills from older records, where they were
 * lost, and says how many: a kill names no test when an earlier fold replaced the test file it named (the script
 * once matched tests by id only). Stryker tests such a kill again on every run, its killer
 * unknown. A killer is taken from an older record of the same mutant (on a line unchanged since,
 * as carried above) that was killed there too, by a test the record still holds: its file, its
 * name, and its lines up to the next test's unchanged since. Nothing else of them is taken.
 */
function restoreKillers(record, older) {
  const ids = new Map();
  for (const [path, file] of Object.entries(record.testFiles))
    for (const test of file.tests) ids.set(`${path} ${testKey(test)}`, test.id);
  const lost = new Map(
    Object.entries(record.files).map(([path, file]) => [
      path,
      new Map(
        file.mutants
          .filter((m) => m.status === 'Killed' && (m.killedBy ?? []).length === 0)
          .map((m) => [mutantKey(m), m]),
      ),
    ]),
  );
  let restored = 0;
  for (const old of older) {
    const testMaps = new Map();
    const killerId = (test, testPath) => {
      const now = record.testFiles[testPath];
      const then = old.testFiles?.[testPath];
      if (!now?.source || !then?.source || !test.location) return undefined;
      if (!testMaps.has(testPath)) testMaps.set(testPath, lineMap(then.source, now.source));
      // The test's lines, up to the next test's first line, unchanged since.
      const { start } = test.location;
      const next = then.tests
        .map((other) => other.location?.start.line ?? 0)
        .filter((line) => line > start.line);
      const last = next.length > 0 ? Math.min(...next) - 1 : then.source.split('\n').length;
      const span = moved({ start, end: { line: last, column: 0 } }, testMaps.get(testPath));
      if (!span) return undefined;
      return ids.get(`${testPath} ${testKey({ ...test, location: { start: span.start } })}`);
    };
    const testsOf = new Map();
    for (const [testPath, testFile] of Object.entries(old.testFiles ?? {}))
      for (const test of testFile.tests) testsOf.set(test.id, [test, testPath]);
    for (const [path, kills] of lost) {
      const before = old.files?.[path];
      if (kills.size === 0 || !before) continue;
      const source = record.files[path].source;
      const map = before.source === source ? undefined : lineMap(before.source, source);
      for (const mutant of before.mutants) {
        if (mutant.status !== 'Killed') continue;
        const location = map ? moved(mutant.location, map) : mutant.location;
        const key = location && mutantKey({ ...mutant, location });
        const now = key && kills.get(key);
        if (!now) continue;
        const killers = (mutant.killedBy ?? [])
          .map((id) => testsOf.has(id) && killerId(...testsOf.get(id)))
          .filter((id) => typeof id === 'string');
        if (killers.length === 0) continue;
        now.killedBy = killers;
        kills.delete(key);
        restored += 1;
      }
    }
  }
  return restored;
}

module.exports = { lineMap, mergeRecords, restoreKillers };
