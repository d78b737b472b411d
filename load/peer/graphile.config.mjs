// PostGraphile 5 with the amber preset on the claims database: the peer of load's compare command.
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { addPgTableCondition } from "postgraphile/utils";

/** openIMIS's lastName_Istartswith: the same predicate as our server's, so both use insuree_last_name_prefix_ix. */
const LastNameStartsWith = addPgTableCondition(
  { schemaName: "public", tableName: "insuree" },
  "lastNameStartsWith",
  (build) => ({
    type: build.graphql.GraphQLString,
    description: "Last name starts with this, case-insensitively.",
  }),
  (value, { sql, sqlTableAlias, sqlValueWithCodec, build }) =>
    value == null
      ? null
      : sql`lower(${sqlTableAlias}.last_name) like ${sqlValueWithCodec(
          String(value).toLowerCase().replace(/[\\%_]/g, "\\$&") + "%",
          build.dataplanPg.TYPES.text,
        )}`,
);

export default {
  extends: [PostGraphileAmberPreset],
  plugins: [LastNameStartsWith],
  // PostGraphile offers condition/orderBy only on columns that lead a non-partial index; every current-row index of
  // ours is partial (where validity_to is null), so without this it could not ask for current claims by date or code.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    // node-postgres's default pool (10 connections): PostGraphile as it comes
    makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"] }),
  ],
  // PORT and DATABASE_URL come from load's compare command, which picks a free loopback port
  grafserv: { host: "127.0.0.1", port: Number(process.env.PORT ?? 5678), graphiql: false },
};
