import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <Link href="/" className="mt-6 inline-block text-sm text-brand-700 underline">
        Back to the overview
      </Link>
    </div>
  );
}
