// Starts moto_server (the Python AWS emulator installed on these machines) on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startMoto(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (
      await fetch(`${url}/moto-api/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, process: child };
    if (Date.now() > deadline) {
      child.kill();
      throw new Error("moto_server did not start within 30 s");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
