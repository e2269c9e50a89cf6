export const MAIN_CONTENT_ID = "main-content";

// The first stop of the Tab key: keyboard and screen-reader users jump past the navigation.
// Hidden until focused.
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg focus:outline-2 focus:outline-brand-600"
    >
      Skip to main content
    </a>
  );
}
