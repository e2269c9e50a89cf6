import fs from "node:fs";
import path from "node:path";

// Reads a generated secret file under the data directory, creating it (0600) on first use.
// `wx` makes concurrent first starts agree on one value: the loser reads the winner's file.
export function readOrCreateSecretFile(file: string, generate: () => string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, generate() + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}
