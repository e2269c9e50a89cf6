export { encryptSecret, decryptSecret, keyVersionOf, SecretDecryptionError } from "./secret-box";
export {
  getKeyring,
  parseKeyring,
  generateKeySpec,
  keyFilePath,
  resetKeyringCache,
  addKeyVersionToFile,
  type Keyring,
} from "./keyring";
