import { readFile } from "node:fs/promises";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate } from "@/lib/db/migrate";
import { dropDatabase } from "../../support/test-postgres";
import { MIGRATIONS_DIR, REPO_ROOT } from "../../support/paths";

// Migrations are hand-written SQL (Prisma's schema engine cannot be downloaded here), so this
// test is what keeps them true to schema.prisma: it migrates an empty database and checks every
// model, field, type, nullability, default, enum, unique constraint, index and foreign key.

type Dmmf = Exclude<ReturnType<typeof getDMMF>, { type: string }>;
type Model = Dmmf["datamodel"]["models"][number];
type Field = Model["fields"][number];

const adminUrl = inject("postgresAdminUrl");
const database = "derek_schema_drift";
let client: pg.Client;
let dmmf: Dmmf;

beforeAll(async () => {
  await dropDatabase(adminUrl, database);
  await ensureDatabase(adminUrl, database);
  const url = inject("postgresUrlTemplate").replace("{db}", database);
  await migrate(url, MIGRATIONS_DIR);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = getDMMF({ datamodel: await readFile(path.join(REPO_ROOT, "prisma", "schema.prisma"), "utf8") });
  if ("type" in result && typeof result.type === "string") throw result.error;
  dmmf = result as Dmmf;
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(adminUrl, database);
});

const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (field: Field) => field.dbName ?? field.name;
const scalarFields = (model: Model) => model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");

/** The column type PostgreSQL reports for a Prisma field, as "udt(args)". */
function expectedType(field: Field): string {
  if (field.kind === "enum") return field.type;
  const [native, args] = (field.nativeType ?? [null, []]) as [string | null, string[]];
  switch (field.type) {
    case "String":
      if (native === "Uuid") return "uuid";
      if (native === "VarChar") return `varchar(${args[0]})`;
      return "text";
    case "Int":
      return "int4";
    case "BigInt":
      return "int8";
    case "Boolean":
      return "bool";
    case "Float":
      return "float8";
    case "Decimal":
      return native === "Decimal" ? `numeric(${args.join(",")})` : "numeric(65,30)";
    case "Json":
      return native === "Json" ? "json" : "jsonb";
    case "DateTime":
      if (native === "Date") return "date";
      if (native === "Timestamptz") return `timestamptz(${args[0] ?? 6})`;
      return "timestamp(3)";
    default:
      throw new Error(`No mapping for Prisma type ${field.type}`);
  }
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

function actualType(column: ColumnRow): string {
  switch (column.udt_name) {
    case "varchar":
      return `varchar(${column.character_maximum_length})`;
    case "numeric":
      return `numeric(${column.numeric_precision},${column.numeric_scale})`;
    case "timestamptz":
    case "timestamp":
      return `${column.udt_name}(${column.datetime_precision})`;
    default:
      return column.udt_name;
  }
}

async function columns(): Promise<Map<string, ColumnRow>> {
  const { rows } = await client.query<ColumnRow>(
    `SELECT table_name, column_name, udt_name, is_nullable, column_default, character_maximum_length,
            numeric_precision, numeric_scale, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  return new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
}

interface IndexRow {
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

async function indexes(): Promise<IndexRow[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; unique: boolean; primary: boolean }>(
    `SELECT t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      -- Indexes over an expression are the comment list's (the test further down).
      WHERE i.indexprs IS NULL
      GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`,
  );
  return rows;
}

describe("migrations match schema.prisma", () => {
  it("creates exactly the schema's tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const actual = rows.map((r) => r.table_name).filter((t) => t !== "_prisma_migrations").sort();
    expect(actual).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it("creates every enum with the schema's values, in order", async () => {
    const { rows } = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });

  it("gives every field its column with the right type, nullability and default", async () => {
    const actual = await columns();
    const problems: string[] = [];
    const expectedKeys = new Set<string>();
    for (const model of dmmf.datamodel.models) {
      for (const field of scalarFields(model)) {
        const key = `${tableOf(model)}.${columnOf(field)}`;
        expectedKeys.add(key);
        const column = actual.get(key);
        if (!column) {
          problems.push(`${key}: missing`);
          continue;
        }
        if (actualType(column) !== expectedType(field)) problems.push(`${key}: type ${actualType(column)}, schema says ${expectedType(field)}`);
        if ((column.is_nullable === "NO") !== field.isRequired) problems.push(`${key}: nullability differs`);
        // @updatedAt and client-side defaults (uuid(), cuid()) have no database default.
        const dbDefault = field.hasDefaultValue && !field.isUpdatedAt && !(typeof field.default === "object" && field.default && "name" in field.default && ["uuid", "cuid", "nanoid", "ulid"].includes((field.default as { name: string }).name));
        if (dbDefault !== (column.column_default !== null)) problems.push(`${key}: default ${column.column_default ?? "none"} differs from schema`);
      }
    }
    for (const key of actual.keys()) {
      if (!key.startsWith("_prisma_migrations.") && !expectedKeys.has(key)) problems.push(`${key}: column not in schema.prisma`);
    }
    expect(problems).toEqual([]);
  });

  it("has every primary key, unique constraint and index of the schema", async () => {
    const actual = (await indexes()).filter((i) => i.table !== "_prisma_migrations");
    const problems: string[] = [];
    const matched = new Set<IndexRow>();
    for (const index of dmmf.datamodel.indexes) {
      const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
      const fieldColumns = index.fields.map((f) => columnOf(model.fields.find((mf) => mf.name === f.name)!));
      const match = actual.find(
        (a) =>
          !matched.has(a) &&
          a.table === tableOf(model) &&
          a.columns.join(",") === fieldColumns.join(",") &&
          a.primary === (index.type === "id") &&
          a.unique === (index.type === "id" || index.type === "unique"),
      );
      if (match) matched.add(match);
      else problems.push(`${index.type} index on ${tableOf(model)}(${fieldColumns.join(", ")}) missing`);
    }
    for (const index of actual) {
      if (!matched.has(index)) problems.push(`index on ${index.table}(${index.columns.join(", ")}) is not in schema.prisma`);
    }
    expect(problems).toEqual([]);
  });

  it("has every relation as a foreign key with the schema's referential actions", async () => {
    const { rows } = await client.query<{ table: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS ref_table,
              ARRAY(SELECT attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY o) AS columns,
              ARRAY(SELECT attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY o) AS ref_columns,
              c.confdeltype AS on_delete
         FROM pg_constraint c WHERE c.contype = 'f'`,
    );
    const unquote = (name: string) => name.replace(/"/g, "");
    const actual = rows.map((r) => `${unquote(r.table)}(${r.columns}) -> ${unquote(r.ref_table)}(${r.ref_columns}) on delete ${r.on_delete}`).sort();
    const actionCode: Record<string, string> = { Cascade: "c", Restrict: "r", SetNull: "n", NoAction: "a", SetDefault: "d" };
    const expected: string[] = [];
    for (const model of dmmf.datamodel.models) {
      for (const field of model.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        const target = dmmf.datamodel.models.find((m) => m.name === field.type)!;
        const from = field.relationFromFields.map((n) => columnOf(model.fields.find((f) => f.name === n)!));
        const to = field.relationToFields!.map((n) => columnOf(target.fields.find((f) => f.name === n)!));
        const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
        expected.push(`${tableOf(model)}(${from}) -> ${tableOf(target)}(${to}) on delete ${actionCode[onDelete]}`);
      }
    }
    expect(actual).toEqual(expected.sort());
  });

  // Prisma cannot describe an index over an expression, so the index test above cannot see them.
  // schema.prisma names them in a comment; this keeps that comment and the migrations in step.
  it("has the expression indexes schema.prisma names in its comments", async () => {
    const schema = await readFile(path.join(REPO_ROOT, "prisma", "schema.prisma"), "utf8");
    const named = [...schema.matchAll(/"(\w+_idx)"\s+\(/g)].map((m) => m[1]).sort();
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        WHERE i.indexprs IS NOT NULL`,
    );
    expect(named.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.name).sort()).toEqual(named);
  });
});
