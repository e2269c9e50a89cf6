// Recognition: installed-software facts from SSM Inventory -> products and editions, by the rules file.
export type { ApplicationFact, FactSource, RegistryFact, SoftwareFacts } from "./facts";
export type { RecognitionRule } from "./rule-types";
export { RECOGNITION_RULES } from "./rules";
export { recognize, type Evidence, type Match } from "./recognize";
