import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layering rules from STYLE.md, enforced rather than hoped for.
const domainModules = ["lib/aws/**", "lib/collector/**", "lib/inventory/**", "lib/connections/**"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/db/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // Domain code runs in the CLI, the scheduler and unit tests too: no Next.js or React.
    files: domainModules,
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "react", "react-dom", "@/components/*"], message: "Domain modules must not depend on Next.js or React." }] },
      ],
    },
  },
  {
    // Prisma lives in lib/ only; pages, components, actions and routes call lib functions.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "@/lib/db", "@/lib/db/*", "**/generated/*"], message: "Query the database from lib/ modules only." },
            { group: ["@aws-sdk/*"], message: "Call AWS from lib/aws only." },
          ],
        },
      ],
    },
  },
  {
    // The simulator is its own program: the app reaches it only over HTTP.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/simulator/*", "@/simulator/*"], message: "Reach the simulator through its endpoint URL." }] },
      ],
    },
  },
];

export default config;
