import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The streaming run keeps one core busy (and gzip part of the other); running the
    // other files beside it keeps the suite under 30 s on the two-core CI machines.
    maxWorkers: 2,
  },
});
