// Characters that change how text reads without being seen: NUL and the other C0 controls
// (except TAB, LF, CR), DEL, and the Unicode bidi controls (LRM/RLM, ALM, embeddings and
// overrides U+202A-202E, isolates U+2066-2069). A tag value holding U+202E shows
// "exe.txt" as "txt.exe"; a NUL ends the text early in some viewers and breaks XLSX's XML.
// Collected AWS data is shown as is, so these are written out as visible text instead.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

// Each such character as the visible text ⟨U+XXXX⟩; everything else unchanged.
export function showControlCharacters(text: string): string {
  return text.replace(INVISIBLE, (char) => `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
