import Link from "next/link";

export default function Unauthorized() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">Sign in to continue</h1>
      <Link href="/sign-in" className="mt-6 inline-block text-sm text-brand-700 underline">
        Sign in
      </Link>
    </div>
  );
}
