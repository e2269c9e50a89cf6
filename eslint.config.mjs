import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering rules from STYLE.md, enforced rather than hoped for. ESLint keeps only the last
// matching block's options for a rule, so each block below lists every pattern its files obey.
const pattern = (group, message) => ({ group, message });
const from = (folder) => [`@/lib/${folder}`, `@/lib/${folder}/*`, `**/${folder}`, `**/${folder}/*`];
const SIMULATOR = pattern(["**/simulator/*", "@/simulator/*"], "Reach the simulator through its endpoint URL.");
// Domain code runs in the CLI, the scheduler and unit tests too: no Next.js or React.
const FRAMEWORK = pattern(
  ["next", "next/*", "react", "react-dom", "@/components/*"],
  "Domain modules must not depend on Next.js or React.",
);
// The write side and the read side share lib/resources and lib/licensing, never each other.
const NOT_INVENTORY = pattern(
  from("inventory"),
  "The collector (write side) must not import lib/inventory (read side): share through lib/resources or lib/licensing.",
);
const NOT_COLLECTOR = pattern(
  from("collector"),
  "The inventory (read side) must not import lib/collector (write side): share through lib/resources or lib/licensing.",
);
const SHARED_MODEL = pattern(
  [...from("collector"), ...from("inventory"), ...from("connections"), ...from("coverage")],
  "The shared model (lib/resources, lib/licensing) is imported by both sides and imports neither.",
);
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/db/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // Prisma lives in lib/ only; pages, components, actions and routes call lib functions.
    files: ["app/**", "components/**"],
    rules: restrict(
      pattern(["@prisma/*", "@/lib/db", "@/lib/db/*", "**/generated/*"], "Query the database from lib/ modules only."),
      pattern(["@aws-sdk/*"], "Call AWS from lib/aws only."),
      SIMULATOR,
    ),
  },
  { files: ["lib/**"], rules: restrict(SIMULATOR) },
  { files: ["lib/aws/**", "lib/connections/**", "lib/coverage/**"], rules: restrict(FRAMEWORK, SIMULATOR) },
  { files: ["lib/collector/**"], ignores: TESTS, rules: restrict(FRAMEWORK, SIMULATOR, NOT_INVENTORY) },
  { files: ["lib/inventory/**"], ignores: TESTS, rules: restrict(FRAMEWORK, SIMULATOR, NOT_COLLECTOR) },
  {
    files: ["lib/resources/**", "lib/licensing/**"],
    ignores: TESTS,
    rules: restrict(FRAMEWORK, SIMULATOR, SHARED_MODEL),
  },
];

export default config;
