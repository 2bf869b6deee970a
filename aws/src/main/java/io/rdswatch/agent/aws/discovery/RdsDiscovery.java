package io.rdswatch.agent.aws.discovery;

import io.rdswatch.agent.aws.client.AwsErrors;
import io.rdswatch.agent.aws.secrets.SecretUnavailableException;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Lists RDS for SQL Server instances across regions with DescribeDBInstances (paginated; tags come
 * in the same response, so no ListTagsForResource). Instances whose status takes no connections are
 * listed by status only, and read replicas are left out unless includeReadReplicas. A region whose
 * listing fails keeps its last good list; an instance whose login cannot be resolved keeps its
 * previous target, if any. Thread-safe: refresh() is serialised, current() reads an immutable list.
 */
public final class RdsDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(RdsDiscovery.class);

  private final List<String> regions;
  private final Function<String, RdsClient> clients;
  private final TagFilter filter;
  private final java.util.Set<String> secretTags;
  private final Map<String, String> jdbcProperties;
  private final LoginResolver logins;
  private final DiscoveryMetrics metrics;
  private final boolean includeReadReplicas;
  private final Map<String, Listing> byRegion = new LinkedHashMap<>();
  private volatile List<InstanceTarget> current = List.of();
  private volatile List<InstanceStatus> statuses = List.of();

  /** One region's answer: the instances to poll, and the status of every instance found. */
  private record Listing(List<InstanceTarget> targets, List<InstanceStatus> statuses) {
    static final Listing EMPTY = new Listing(List.of(), List.of());
  }

  RdsDiscovery(
      AwsDiscoveryConfig config,
      Function<String, RdsClient> clients,
      LoginResolver logins,
      DiscoveryMetrics metrics) {
    this.regions = config.getRegions();
    this.clients = clients;
    this.filter = new TagFilter(config.getIncludeTags(), config.getExcludeTags());
    this.secretTags =
        new java.util.HashSet<>(
            java.util.Arrays.asList(
                config.getCredentials().getSecretTag(),
                config.getCredentials().getDrillSecretTag()));
    this.jdbcProperties = config.getJdbcProperties();
    this.logins = logins;
    this.metrics = metrics;
    this.includeReadReplicas = config.isIncludeReadReplicas();
  }

  /** Every target of the last refresh, regions in configured order. */
  public List<InstanceTarget> current() {
    return current;
  }

  /**
   * The RDS status of every instance of the last refresh (polled or not), regions in configured
   * order.
   */
  public List<InstanceStatus> statuses() {
    return statuses;
  }

  public synchronized List<InstanceTarget> refresh() {
    for (String region : regions) {
      Listing previous = byRegion.getOrDefault(region, Listing.EMPTY);
      try {
        Listing found = list(region, previous.targets());
        byRegion.put(region, found);
        metrics.found(region, found.targets().size());
      } catch (SdkException e) {
        metrics.error(region);
        LOG.warn(
            "discovery in {} failed, keeping {} instance(s) from the last good refresh: {}",
            region,
            previous.targets().size(),
            AwsErrors.describe(e));
      }
    }
    current = byRegion.values().stream().flatMap(l -> l.targets().stream()).toList();
    statuses = byRegion.values().stream().flatMap(l -> l.statuses().stream()).toList();
    return current;
  }

  private Listing list(String region, List<InstanceTarget> previous) {
    Map<String, InstanceTarget> before =
        previous.stream().collect(Collectors.toMap(InstanceTarget::name, t -> t));
    List<InstanceTarget> found = new ArrayList<>();
    List<InstanceStatus> statuses = new ArrayList<>();
    for (DBInstance db :
        clients.apply(region).describeDBInstancesPaginator(r -> {}).dbInstances()) {
      if (!isSqlServer(db)) {
        continue; // other engines, and RDS Custom for SQL Server
      }
      if (db.readReplicaSourceDBInstanceIdentifier() != null && !includeReadReplicas) {
        continue; // logins do not reach a replica, and its task table is its source's business
      }
      Map<String, String> tags = tags(db);
      if (!filter.accepts(tags)) {
        continue;
      }
      String status = db.dbInstanceStatus() == null ? "unknown" : db.dbInstanceStatus();
      statuses.add(new InstanceStatus(db.dbInstanceIdentifier(), status));
      if (!RdsStatuses.isPollable(status)
          || db.endpoint() == null
          || db.endpoint().address() == null) {
        continue; // stopped, rebooting, creating...: polled again once its status takes connections
      }
      try {
        found.add(target(region, db, tags));
      } catch (SecretUnavailableException e) {
        metrics.error(region);
        InstanceTarget kept = before.get(db.dbInstanceIdentifier());
        LOG.error(
            "discovery in {}: {}{}",
            region,
            e.getMessage(),
            kept == null ? "; skipped" : "; keeping its previous login");
        if (kept != null) {
          found.add(kept);
        }
      }
    }
    return new Listing(List.copyOf(found), List.copyOf(statuses));
  }

  private InstanceTarget target(String region, DBInstance db, Map<String, String> tags)
      throws SecretUnavailableException {
    LoginResolver.Login login = logins.resolve(db.dbInstanceIdentifier(), tags);
    return new InstanceTarget(
        db.dbInstanceIdentifier(),
        db.endpoint().address(),
        db.endpoint().port() == null ? 1433 : db.endpoint().port(),
        login.username(),
        login.password(),
        jdbcProperties,
        TagLabels.of(tags, secretTags),
        db.preferredBackupWindow(),
        "aws:" + region,
        new Topology(
            Boolean.TRUE.equals(db.multiAZ()),
            db.readReplicaSourceDBInstanceIdentifier(),
            RdsStatuses.hasCrossRegionReplicas(db, region)),
        logins.drill(db.dbInstanceIdentifier(), tags),
        // RDS leaves Timezone out for instances created in the default zone, UTC
        db.timezone() == null || db.timezone().isBlank() ? "UTC" : db.timezone());
  }

  /** The RDS for SQL Server engines rdswatch watches (README, "AWS discovery"). */
  public static boolean isSqlServer(DBInstance db) {
    return RdsStatuses.isSqlServer(db);
  }

  private static Map<String, String> tags(DBInstance db) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (db.hasTagList()) {
      for (Tag t : db.tagList()) {
        if (t.key() != null) {
          tags.put(t.key(), t.value() == null ? "" : t.value());
        }
      }
    }
    return tags;
  }
}
