// The backstop of the privacy promise: every write through the Prisma client
// (commands, buttons, forms, CSV imports, scripts, jobs) has the text of its
// declared columns (./text-columns.ts) checked by the same guard as the
// command options, so a path that forgot the command-level check still ends
// in the Korean refusal (a UserError naming the column and the kind, never the
// value) and nothing is written. The command-level check stays: it answers
// earlier, with the option's own name.
//
// Check only, never clean: the command-level guard already cleaned the text
// (NFC, invisible characters, trim) and the caller goes on with the value it
// holds (unique lookups, audit details, the reply); rewriting it here would
// store something else than that, and would hide the path that skipped the
// guard instead of refusing it.
//
// Only the string values of `data` (and of nested writes) are looked at, with
// no query of its own. Raw SQL ($executeRaw) is not seen here; src uses it only
// for inbound receipt keys and job claims, which hold no user text.
import { UserError } from '../core/errors.ts';
import { guardText, knownNamesInScope } from '../core/privacy/index.ts';
import type { TextProfile } from '../core/privacy/index.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { TEXT_COLUMNS } from './text-columns.ts';

/** One value on its way to a declared column. */
interface TextValue {
  profile: TextProfile;
  /** The label the refusal names: the column's name (the option names mostly match it). */
  field: string;
  value: string;
}

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data => typeof value === 'object' && value !== null && !(value instanceof Date);
const each = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** The string values a write's data puts into declared text columns, nested writes included. */
function collect(model: Prisma.ModelName, data: unknown, out: TextValue[]): void {
  const columns = TEXT_COLUMNS[model];
  for (const row of each(data)) {
    if (!isData(row)) continue;
    for (const [key, value] of Object.entries(row)) {
      const decl = columns[key];
      // Undeclared keys are Int, Boolean or DateTime columns (the schema test keeps every String column declared).
      if (decl === undefined || value === null || value === undefined) continue;
      if (typeof decl === 'string') {
        // An update may wrap the value: { set: '…' }.
        const text = isData(value) ? value.set : value;
        if (typeof text === 'string') out.push({ profile: decl, field: key, value: text });
      } else if ('relation' in decl && isData(value)) {
        collectNested(decl.relation, value, out);
      }
    }
  }
}

/** A relation field's nested writes: create, createMany, connectOrCreate, upsert, update, updateMany. */
function collectNested(model: Prisma.ModelName, ops: Data, out: TextValue[]): void {
  for (const [op, arg] of Object.entries(ops)) {
    for (const item of each(arg)) {
      if (!isData(item)) continue;
      switch (op) {
        case 'create':
          collect(model, item, out);
          break;
        case 'createMany':
          collect(model, item.data, out);
          break;
        case 'connectOrCreate':
          collect(model, item.create, out);
          break;
        case 'upsert':
          collect(model, item.create, out);
          collect(model, item.update, out);
          break;
        case 'update':
        case 'updateMany':
          // To-many (and filtered to-one) updates wrap the data as { where, data }; no model has a `data` column.
          collect(model, 'data' in item ? item.data : item, out);
          break;
        // connect, disconnect, set, delete, deleteMany: only where clauses, nothing written into a column.
      }
    }
  }
}

/**
 * The one check of the values of a write: throws the guard's UserError for
 * the first that fails. Directory names with a title pass when the command
 * that writes them was allowed them (privacy/known-names.ts): no query here.
 */
function checkValues(values: readonly TextValue[]): void {
  const known = knownNamesInScope();
  for (const { profile, field, value } of values) {
    const result = guardText(profile, field, value, known);
    if (result instanceof UserError) throw result;
  }
}

/** The text a write stores: its data (create, createMany, update, updateMany, …) or an upsert's create and update. */
function checkWrite(model: Prisma.ModelName, args: { data?: unknown; create?: unknown; update?: unknown }): void {
  const values: TextValue[] = [];
  collect(model, args.data, values);
  collect(model, args.create, values);
  collect(model, args.update, values);
  if (values.length) checkValues(values);
}

type Hook = (params: { model: string; args: unknown; query: (args: unknown) => Promise<unknown> }) => Promise<unknown>;

const guarded: Hook = async ({ model, args, query }) => {
  checkWrite(model as Prisma.ModelName, args as Parameters<typeof checkWrite>[1]);
  return query(args);
};

/** The write operations of every model, each through the check. Reads pass untouched. */
export const WRITE_GUARD = {
  name: 'write-guard',
  query: {
    $allModels: {
      create: guarded,
      createMany: guarded,
      createManyAndReturn: guarded,
      update: guarded,
      updateMany: guarded,
      updateManyAndReturn: guarded,
      upsert: guarded,
    },
  },
};
