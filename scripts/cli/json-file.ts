import fs from "node:fs";

// A file the command line could not use: one line for the person who typed the command,
// naming the file (and the line and column of a syntax error), never a stack trace.
export class InputFileError extends Error {
  override name = "InputFileError";
}

// `shownAs` is how messages name the file (what the user typed); `file` is where it is read.
export function readJsonFile(file: string, shownAs = file): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw new InputFileError(`Cannot read ${shownAs === file ? file : `${shownAs} (${file})`}: ${why}`);
  }
  // Editors on Windows may save UTF-8 with a byte order mark, which JSON.parse refuses.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  return parseJson(text, shownAs);
}

export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const { line, column } = lineAndColumn(text, syntaxErrorOffset(text, message));
    throw new InputFileError(`${name}:${line}:${column}: invalid JSON: ${plainMessage(message)}`);
  }
}

const POSITION = / in JSON at position (\d+)/;
const END_OF_INPUT = "Unexpected end of JSON input";

// V8 names the position for most errors, but not for an unexpected token, whose message quotes
// the whole input instead (which may hold secrets). There, the shortest prefix that fails other
// than by ending early ends just after the offending character.
function syntaxErrorOffset(text: string, message: string): number {
  const direct = POSITION.exec(message);
  if (direct) return Number(direct[1]);
  if (message.startsWith(END_OF_INPUT)) return text.length;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsBeforeEnd(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(END_OF_INPUT)) return false;
    const position = POSITION.exec(message);
    return position ? Number(position[1]) < prefix.length : true;
  }
}

function plainMessage(message: string): string {
  if (message.startsWith(END_OF_INPUT)) return "the file ends too early (a missing } or ]?)";
  return message.replace(POSITION, "").replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, "");
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
