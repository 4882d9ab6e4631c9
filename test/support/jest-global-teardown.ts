export default function globalTeardown(): void {
  globalThis.__LEDGER_TEST_POSTGRES__?.stop();
}
