import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface NativeModuleStatus {
  readonly available: boolean;
  /** Why it is not available (the module or its binary is missing). */
  readonly reason?: string;
}

/**
 * Whether Cube's native module (@cubejs-backend/native) and its binary load here. Its
 * install script downloads the binary from GitHub, which fails on air-gapped machines.
 */
export function nativeModuleStatus(): NativeModuleStatus {
  try {
    const serverCore = require.resolve('@cubejs-backend/server-core');
    const native = createRequire(serverCore)('@cubejs-backend/native') as { loadNative(): unknown };
    native.loadNative();
    return { available: true };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
