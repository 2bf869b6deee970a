package io.rdswatch.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One bucket of the S3 stand-in. Objects older than {@code expireDays} disappear, as with an S3
 * lifecycle rule, so a long simulation does not keep every backup it ever took.
 */
public final class S3Bucket {
  private final String name;
  private final String region;
  private volatile boolean accessDenied;
  private final int expireDays;
  private final NavigableMap<String, S3Object> objects = new TreeMap<>();

  public S3Bucket(String name, String region, boolean accessDenied, int expireDays) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("bucket name must not be empty");
    }
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("bucket " + name + ": region must not be empty");
    }
    if (expireDays < 1) {
      throw new IllegalArgumentException(
          "bucket " + name + ": expire_days must be >= 1, got " + expireDays);
    }
    this.name = name;
    this.region = region;
    this.accessDenied = accessDenied;
    this.expireDays = expireDays;
  }

  public String name() {
    return name;
  }

  public String region() {
    return region;
  }

  /** The instance's IAM role may not use this bucket (a bucket policy or missing IAM grant). */
  public boolean accessDenied() {
    return accessDenied;
  }

  public void accessDenied(boolean denied) {
    this.accessDenied = denied;
  }

  public S3Object get(String key) {
    return objects.get(key);
  }

  public void put(S3Object object) {
    objects.put(object.location().key(), object);
  }

  public S3Object remove(String key) {
    return objects.remove(key);
  }

  /** Objects whose key starts with {@code prefix}, in key order. */
  public List<S3Object> list(String prefix) {
    List<S3Object> found = new ArrayList<>();
    for (S3Object o : objects.tailMap(prefix, true).values()) {
      if (!o.location().key().startsWith(prefix)) {
        break;
      }
      found.add(o);
    }
    return found;
  }

  public int size() {
    return objects.size();
  }

  void expire(Instant now) {
    Instant cutoff = now.minusSeconds(expireDays * 86_400L);
    objects.values().removeIf(o -> o.createdAt().isBefore(cutoff));
  }
}
