/** Buffers of one use, recycled once given back. */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  /** A buffer of at least `bytes` bytes, the smallest free one that fits if any. Contents are not cleared. */
  take(bytes: number): ArrayBuffer {
    let best = -1;
    this.free.forEach((buffer, index) => {
      if (buffer.byteLength >= bytes && (best < 0 || buffer.byteLength < (this.free[best]?.byteLength ?? 0))) best = index;
    });
    return best < 0 ? new ArrayBuffer(bytes) : (this.free.splice(best, 1)[0] ?? new ArrayBuffer(bytes));
  }

  give(buffer: ArrayBuffer): void {
    this.free.push(buffer);
  }
}

/**
 * Memory reused across periods. Allocating several MB of fresh typed arrays per period makes
 * V8 count them as external memory and run full collections of the (large) heap of input rows;
 * reusing scratch space and the buffers of frames that are no longer needed avoids that.
 */
export class HealthMemory {
  /** Buffers of frame scores and of frame details (see HealthFrame), pooled apart: their sizes differ. */
  readonly scoreBuffers = new BufferPool();
  readonly detailBuffers = new BufferPool();
  /** Buffers of the other per-period columns (trend, trailing sums, decisions; see ColumnAllocator). */
  readonly columnBuffers = new BufferPool();
  private capacity = 0;
  /** One normalized column. */
  scaled = new Float64Array(0);
  /** Values laid out by peer group (program + groups), with the rows they came from. */
  groupedValues = new Float64Array(0);
  groupedRows = new Int32Array(0);
  member = new Int32Array(0);
  private counts = new Float64Array(0);

  /** Makes the scratch space fit a period of `size` rows. */
  prepare(size: number): void {
    if (size <= this.capacity) return;
    this.capacity = size;
    this.scaled = new Float64Array(size);
    this.groupedValues = new Float64Array(2 * size);
    this.groupedRows = new Int32Array(2 * size);
    this.member = new Int32Array(size);
  }

  /** Scratch for counting ranks, at least `length` long. */
  histogram(length: number): Float64Array {
    if (this.counts.length < length) this.counts = new Float64Array(length);
    return this.counts;
  }
}

/**
 * Zeroed typed arrays for the columns of one period, in buffers taken from `pool` and listed
 * in `taken` so that they go back to the pool when the period is released. A period's
 * decisions allocated about 1.5 MB of fresh typed arrays, which V8 counts as external memory:
 * scoring every period of a large history ran a full collection of the input rows for it.
 */
export class ColumnAllocator {
  constructor(
    private readonly pool: BufferPool,
    private readonly taken: ArrayBuffer[],
  ) {}

  float64(length: number): Float64Array {
    return new Float64Array(this.buffer(length * 8), 0, length);
  }

  float32(length: number): Float32Array {
    return new Float32Array(this.buffer(length * 4), 0, length);
  }

  uint16(length: number): Uint16Array {
    return new Uint16Array(this.buffer(length * 2), 0, length);
  }

  int16(length: number): Int16Array {
    return new Int16Array(this.buffer(length * 2), 0, length);
  }

  uint8(length: number): Uint8Array {
    return new Uint8Array(this.buffer(length), 0, length);
  }

  int8(length: number): Int8Array {
    return new Int8Array(this.buffer(length), 0, length);
  }

  private buffer(bytes: number): ArrayBuffer {
    const buffer = this.pool.take(bytes);
    new Uint8Array(buffer, 0, bytes).fill(0);
    this.taken.push(buffer);
    return buffer;
  }
}
