// A TypeScript client of the meldcode-rules service, typed by openapi-typescript from the
// service's OpenAPI document and calling it through openapi-fetch. tsc --strict checks it
// against the generated types; the Python test then checks its answers against the library.
//
// Usage: node client.js BASE_URL CASES.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { components, paths } from "./openapi.js";

type Casus = components["schemas"]["Casus"];
type Uitkomst = components["schemas"]["Uitkomst"];
type Foutmelding = components["schemas"]["Foutmelding"];

const [baseUrl, casesFile, outFile] = process.argv.slice(2);
if (baseUrl === undefined || casesFile === undefined || outFile === undefined) {
  throw new Error("gebruik: node client.js BASE_URL CASES.json OUT.json");
}
const client = createClient<paths>({ baseUrl });
const casussen: Casus[] = JSON.parse(readFileSync(casesFile, "utf8"));
const query = { kader: "knmg", peildatum: "2024-06-01" };

function fout(wat: string, f: Foutmelding | undefined): never {
  throw new Error(`${wat}: ${f?.code ?? "?"}`);
}

// One casus per request.
const enkel: Array<Pick<Uitkomst, "casus_id" | "melden" | "hulp"> & { vingerafdruk: string }> = [];
for (const casus of casussen) {
  const { data, error } = await client.POST("/v1/evaluate", { params: { query }, body: casus });
  if (data === undefined) fout("evaluate", error);
  // Exhaustive over the documented decisions: adding a value to the contract breaks this build.
  switch (data.melden) {
    case "ja":
    case "nee":
    case "onbepaald":
    case "buiten_meldcode":
      break;
    default: {
      const nooit: never = data.melden;
      throw new Error(`onbekende beslissing ${String(nooit)}`);
    }
  }
  enkel.push({
    casus_id: data.casus_id,
    melden: data.melden,
    hulp: data.hulp,
    vingerafdruk: data.kader.vingerafdruk,
  });
}

// The batch: JSON Lines in, JSON Lines out.
const regels = casussen.map((c) => JSON.stringify(c)).join("\n") + "\n";
const antwoord = await fetch(
  `${baseUrl}/v1/evaluate/batch?kader=${query.kader}&peildatum=${query.peildatum}`,
  { method: "POST", headers: { "Content-Type": "application/x-ndjson" }, body: regels },
);
const batch = (await antwoord.text())
  .split("\n")
  .filter((r) => r.length > 0)
  .map((r) => JSON.parse(r) as Uitkomst);

// A 422 names the field, typed as Foutmelding.
const slecht = await client.POST("/v1/evaluate", {
  params: { query },
  body: { id: "slecht", antwoorden: { vermoeden: "misschien" } } as unknown as Casus,
});
const veld = slecht.error?.fouten?.[0]?.veld ?? null;

// Explain, kaders, the beroepsgroep lookup.
const eerste = casussen[0];
if (eerste === undefined) throw new Error("geen casussen");
const uitleg = await client.POST("/v1/explain", {
  params: { query },
  body: eerste,
  parseAs: "text",
});
const kaders = await client.GET("/v1/kaders");
const keuze = await client.GET("/v1/beroepsgroepen/{naam}", { params: { path: { naam: "huisarts" } } });

// The process: events, then the overview.
const gebeurtenissen: Array<components["schemas"]["Gebeurtenis"]> = [
  { casus_id: "ts-1", soort: "signaal_vastgelegd", datum: "2024-03-01" },
  { casus_id: "ts-1", soort: "collega_geraadpleegd", datum: "2024-03-04" },
];
for (const body of gebeurtenissen) {
  const { error } = await client.POST("/v1/proces/gebeurtenissen", { body });
  if (error !== undefined) fout("gebeurtenis", error);
}
const overzicht = await client.GET("/v1/proces/casussen/{casus_id}", {
  params: { path: { casus_id: "ts-1" }, query: { peildatum: "2024-03-20" } },
});

writeFileSync(
  outFile,
  JSON.stringify({
    enkel,
    batch: batch.map((u) => ({ casus_id: u.casus_id, melden: u.melden, hulp: u.hulp })),
    veld,
    uitleg_begint: (uitleg.data ?? "").split("\n")[0],
    kaders: (kaders.data?.kaders ?? []).map((k) => k.id),
    kader_huisarts: keuze.data?.kader ?? null,
    stap: overzicht.data?.stap ?? null,
  }),
);
