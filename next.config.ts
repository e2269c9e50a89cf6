import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second build folder for tools that build beside the main one (the inventory bench).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native modules and the Prisma CLI stay in node_modules instead of being bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "prisma",
  ],
  // forbidden()/unauthorized(): real 403/401 responses from pages and server actions.
  experimental: { authInterrupts: true },
  // The Content-Security-Policy carries a per-request nonce, so proxy.ts sets it.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
