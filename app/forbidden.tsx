import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your role does not allow it. Ask an administrator if you need access.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm text-brand-700 underline">
        Back to the overview
      </Link>
    </div>
  );
}
