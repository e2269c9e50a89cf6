import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ZodWithoutEval } from "@/components/layout/zod-without-eval";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cirrus", template: "%s · Cirrus" },
  description: "Self-hosted AWS compute inventory for IT asset management",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts). A page
  // prerendered at build time would have scripts without a nonce, which the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <ZodWithoutEval />
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
