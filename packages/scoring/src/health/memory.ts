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
  private capacity = 0;
  /** Raw metric values, column-major. */
  values = new Float64Array(0);
  /** One normalized column. */
  scaled = new Float64Array(0);
  /** Values laid out by peer group (program + groups), with the rows they came from. */
  groupedValues = new Float64Array(0);
  groupedRows = new Int32Array(0);
  member = new Int32Array(0);
  private counts = new Float64Array(0);

  /** Makes the scratch space fit a period of `size` rows and `count` components. */
  prepare(size: number, count: number): void {
    if (size * count > this.values.length) this.values = new Float64Array(size * count);
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
