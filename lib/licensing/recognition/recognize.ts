import { PRODUCT_NAMES, type ProductId } from "../products";
import type { FactSource, SoftwareFacts } from "./facts";
import type { RecognitionRule } from "./rule-types";
import { RECOGNITION_RULES } from "./rules";

/** Why a product was recognised: which fact matched which rule, readable by an analyst. */
export type Evidence = { ruleId: string; source: FactSource; text: string };

export type Match = {
  product: ProductId;
  productName: string;
  /** null when the node shows the product but nothing names its edition. */
  edition: string | null;
  free: boolean;
  /** The installed version when an application fact carries one. */
  version: string | null;
  evidence: Evidence[];
};

type Hit = { rule: RecognitionRule; evidence: Evidence; version: string | null };
type Fact = { source: FactSource; fields: Record<string, string | null | undefined>; label: string };

/** Products and editions on one node, from its SSM Inventory facts and the rules file. */
export function recognize(facts: SoftwareFacts, rules: readonly RecognitionRule[] = RECOGNITION_RULES): Match[] {
  const hits: Hit[] = [];
  for (const fact of factsOf(facts)) {
    for (const rule of rules) {
      if (rule.source !== fact.source || !matches(rule.match, fact.fields)) continue;
      hits.push({ rule, evidence: evidenceOf(rule, fact), version: fact.fields.version ?? null });
    }
  }
  return group(hits);
}

function factsOf(facts: SoftwareFacts): Fact[] {
  const quote = (v: string | null | undefined) => JSON.stringify(v ?? "");
  const out: Fact[] = [];
  for (const app of facts.applications ?? []) {
    const extra = [
      app.publisher && `Publisher ${quote(app.publisher)}`,
      app.version && `Version ${quote(app.version)}`,
    ];
    const detail = extra.filter(Boolean).join(", ");
    out.push({
      source: "AWS:Application",
      fields: { name: app.name, publisher: app.publisher, version: app.version },
      label: `AWS:Application Name ${quote(app.name)}${detail ? ` (${detail})` : ""}`,
    });
  }
  for (const reg of facts.registry ?? []) {
    out.push({
      source: "AWS:WindowsRegistry",
      fields: { keyPath: reg.keyPath, valueName: reg.valueName, value: reg.value },
      label: `AWS:WindowsRegistry ${reg.keyPath} ${reg.valueName} = ${quote(reg.value)}`,
    });
  }
  if (facts.platformName) {
    out.push({
      source: "AWS:InstanceInformation",
      fields: { platformName: facts.platformName },
      label: `AWS:InstanceInformation PlatformName ${quote(facts.platformName)}`,
    });
  }
  return out;
}

const compiled = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source, "i")));
  return re;
}

function matches(match: Record<string, string | undefined>, fields: Fact["fields"]): boolean {
  return Object.entries(match).every(([field, source]) => {
    const value = fields[field];
    return source === undefined || (typeof value === "string" && pattern(source).test(value.trim()));
  });
}

function evidenceOf(rule: RecognitionRule, fact: Fact): Evidence {
  const tests = Object.entries(rule.match as Record<string, string>)
    .map(([field, source]) => `${field} ~ /${source}/i`)
    .join(", ");
  return { ruleId: rule.id, source: fact.source, text: `${fact.label} matched rule ${rule.id} (${tests})` };
}

// One match per product and edition. A product-only hit (edition null) supports every edition
// found for its product, so "SQL Server 2019 (64-bit)" plus the registry's "Standard Edition" is
// one SQL Server Standard match with both facts as evidence; alone it is an edition-unknown match.
function group(hits: Hit[]): Match[] {
  const byKey = new Map<string, Match>();
  const productOnly = hits.filter((h) => h.rule.edition === null);
  for (const hit of hits.filter((h) => h.rule.edition !== null)) {
    addTo(byKey, hit);
  }
  for (const hit of productOnly) {
    const editions = [...byKey.values()].filter((m) => m.product === hit.rule.product && m.edition !== null);
    if (editions.length === 0) addTo(byKey, hit);
    for (const m of editions) {
      m.evidence.push(hit.evidence);
      m.version ??= hit.version;
    }
  }
  return [...byKey.values()];
}

function addTo(byKey: Map<string, Match>, hit: Hit): void {
  const { product, edition, free } = hit.rule;
  const key = `${product}|${edition ?? ""}`;
  const existing = byKey.get(key);
  if (existing) {
    existing.evidence.push(hit.evidence);
    existing.version ??= hit.version;
    return;
  }
  byKey.set(key, {
    product,
    productName: PRODUCT_NAMES[product],
    edition,
    free,
    version: hit.version,
    evidence: [hit.evidence],
  });
}
