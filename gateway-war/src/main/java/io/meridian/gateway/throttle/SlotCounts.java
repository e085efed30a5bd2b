package io.meridian.gateway.throttle;

/**
 * Units counted in slots of a tenth of a window. The count "in the window" at a moment is the sum
 * of the current slot and the ten before it: it covers the whole window and at most one slot more,
 * so it never misses a unit of the last window (no over-admission at window edges) and holds a unit
 * at most one slot longer than needed. Not thread-safe: the caller synchronizes.
 */
final class SlotCounts {

  /** Slots per window; the counts keep one more. */
  static final int SLOTS = 10;

  private final long slotMillis;
  private final long[] ring = new long[SLOTS + 1];
  private long head = Long.MIN_VALUE;

  SlotCounts(long windowMillis) {
    this.slotMillis = Math.max(1, windowMillis / SLOTS);
  }

  long slotMillis() {
    return slotMillis;
  }

  long slot(long nowMillis) {
    return Math.floorDiv(nowMillis, slotMillis);
  }

  private void roll(long nowMillis) {
    long slot = slot(nowMillis);
    if (head == Long.MIN_VALUE || slot - head > SLOTS) {
      java.util.Arrays.fill(ring, 0);
    } else {
      for (long s = head + 1; s <= slot; s++) {
        ring[(int) Math.floorMod(s, (long) ring.length)] = 0;
      }
    }
    if (head == Long.MIN_VALUE || slot > head) {
      head = slot;
    }
  }

  void add(long nowMillis, long units) {
    roll(nowMillis);
    ring[(int) Math.floorMod(head, (long) ring.length)] += units;
  }

  long total(long nowMillis) {
    roll(nowMillis);
    long sum = 0;
    for (long c : ring) {
      sum += c;
    }
    return sum;
  }

  /** The counts, newest first, as {@code [headSlot, c(head), c(head-1), ..., c(head-10)]}. */
  long[] snapshot(long nowMillis) {
    roll(nowMillis);
    long[] out = new long[ring.length + 1];
    out[0] = head;
    for (int i = 0; i < ring.length; i++) {
      out[i + 1] = ring[(int) Math.floorMod(head - i, (long) ring.length)];
    }
    return out;
  }

  /**
   * Adds another counter's snapshot (same window) to {@code into}, aligned to {@code slot}: {@code
   * into[i]} is the count of slot {@code slot - i}; counts older than the window are dropped.
   */
  static void addAligned(long[] snapshot, long slot, long[] into) {
    long theirHead = snapshot[0];
    for (int i = 0; i < snapshot.length - 1; i++) {
      long age = slot - (theirHead - i);
      if (age >= 0 && age < into.length) {
        into[(int) age] += snapshot[i + 1];
      }
    }
  }

  /**
   * How long until the units counted now, plus {@code others} (aligned to the current slot), drop
   * below {@code max}: the time until enough of the oldest slots have left the window.
   */
  long millisUntilBelow(long nowMillis, long max, long[] others) {
    roll(nowMillis);
    long[] combined = new long[ring.length];
    long total = 0;
    for (int i = 0; i < ring.length; i++) {
      combined[i] = ring[(int) Math.floorMod(head - i, (long) ring.length)];
      if (others != null && i < others.length) {
        combined[i] += others[i];
      }
      total += combined[i];
    }
    long intoSlot = nowMillis - head * slotMillis;
    for (int i = ring.length - 1; i >= 0 && total >= max; i--) {
      total -= combined[i];
      if (total < max) {
        // Slot head-i leaves the count when the current slot is i slots further on... plus one.
        return (ring.length - 1 - i) * slotMillis + (slotMillis - intoSlot);
      }
    }
    return total < max ? 0 : ring.length * slotMillis;
  }
}
