package io.rdswatch.agent.shard;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Rendezvous (highest-random-weight) hashing: an instance belongs to the shard whose weight for its
 * name is highest. Adding one shard to n moves only the instances the new shard wins, about 1/(n+1)
 * of them, and every agent computes the same answer with no coordination. The hash is fixed here
 * (FNV-1a, then a SplitMix64 finaliser per shard), never String.hashCode or a JVM-dependent one,
 * because agents of different versions must agree.
 */
public final class Rendezvous {

  private Rendezvous() {}

  /**
   * The shard in [0, count) that owns the instance; names compare case-insensitively, as RDS does.
   */
  public static int owner(String instanceName, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be at least 1, got " + count);
    }
    long key = fnv1a(instanceName.toLowerCase(Locale.ROOT));
    int best = 0;
    long bestWeight = 0;
    for (int shard = 0; shard < count; shard++) {
      long weight = mix(key ^ mix(shard + 1L));
      if (shard == 0 || Long.compareUnsigned(weight, bestWeight) > 0) {
        best = shard;
        bestWeight = weight;
      }
    }
    return best;
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long z) {
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
