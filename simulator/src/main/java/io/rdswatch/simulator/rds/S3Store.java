package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The S3 stand-in of one instance: buckets by name (S3 names are case-sensitive). */
public final class S3Store {
  private static final Duration EXPIRE_CHECK = Duration.ofHours(1);
  private final Map<String, S3Bucket> buckets = new LinkedHashMap<>();
  private Instant lastExpiry = Instant.MIN;

  public S3Bucket bucket(String name) {
    return buckets.get(name);
  }

  public List<S3Bucket> buckets() {
    return List.copyOf(buckets.values());
  }

  void add(S3Bucket bucket) {
    if (buckets.containsKey(bucket.name())) {
      throw new IllegalArgumentException("bucket '" + bucket.name() + "' is declared twice");
    }
    buckets.put(bucket.name(), bucket);
  }

  void remove(String name) {
    buckets.remove(name);
  }

  public S3Object get(S3Location at) {
    S3Bucket b = buckets.get(at.bucket());
    return b == null ? null : b.get(at.key());
  }

  void put(S3Object object) {
    S3Bucket b = buckets.get(object.location().bucket());
    if (b == null) {
      throw new IllegalArgumentException(
          "no bucket '" + object.location().bucket() + "' for " + object.arn());
    }
    b.put(object);
  }

  /** Applies the buckets' expiry rules, at most once per simulated hour. */
  void expire(Instant now) {
    if (Duration.between(lastExpiry, now).compareTo(EXPIRE_CHECK) < 0) {
      return;
    }
    lastExpiry = now;
    buckets.values().forEach(b -> b.expire(now));
  }
}
