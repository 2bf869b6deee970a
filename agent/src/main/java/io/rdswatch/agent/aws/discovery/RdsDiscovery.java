package io.rdswatch.agent.aws.discovery;

import io.rdswatch.agent.aws.AwsErrors;
import io.rdswatch.agent.aws.secrets.SecretUnavailableException;
import io.rdswatch.agent.target.InstanceTarget;
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
 * in the same response, so no ListTagsForResource). A region whose listing fails keeps its last
 * good list; an instance whose login cannot be resolved keeps its previous target, if any.
 * Thread-safe: refresh() is serialised, current() reads an immutable list.
 */
public final class RdsDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(RdsDiscovery.class);

  private final List<String> regions;
  private final Function<String, RdsClient> clients;
  private final TagFilter filter;
  private final String secretTag;
  private final Map<String, String> jdbcProperties;
  private final LoginResolver logins;
  private final DiscoveryMetrics metrics;
  private final Map<String, List<InstanceTarget>> byRegion = new LinkedHashMap<>();
  private volatile List<InstanceTarget> current = List.of();

  RdsDiscovery(
      AwsDiscoveryConfig config,
      Function<String, RdsClient> clients,
      LoginResolver logins,
      DiscoveryMetrics metrics) {
    this.regions = config.getRegions();
    this.clients = clients;
    this.filter = new TagFilter(config.getIncludeTags(), config.getExcludeTags());
    this.secretTag = config.getCredentials().getSecretTag();
    this.jdbcProperties = config.getJdbcProperties();
    this.logins = logins;
    this.metrics = metrics;
  }

  /** Every target of the last refresh, regions in configured order. */
  public List<InstanceTarget> current() {
    return current;
  }

  public synchronized List<InstanceTarget> refresh() {
    for (String region : regions) {
      List<InstanceTarget> previous = byRegion.getOrDefault(region, List.of());
      try {
        List<InstanceTarget> found = list(region, previous);
        byRegion.put(region, found);
        metrics.found(region, found.size());
      } catch (SdkException e) {
        metrics.error(region);
        LOG.warn(
            "discovery in {} failed, keeping {} instance(s) from the last good refresh: {}",
            region, previous.size(), AwsErrors.describe(e));
      }
    }
    current = byRegion.values().stream().flatMap(List::stream).toList();
    return current;
  }

  private List<InstanceTarget> list(String region, List<InstanceTarget> previous) {
    Map<String, InstanceTarget> before =
        previous.stream().collect(Collectors.toMap(InstanceTarget::name, t -> t));
    List<InstanceTarget> found = new ArrayList<>();
    for (DBInstance db : clients.apply(region).describeDBInstancesPaginator(r -> {}).dbInstances()) {
      if (!isSqlServer(db) || db.endpoint() == null || db.endpoint().address() == null) {
        continue; // other engines; or still being created, picked up on a later refresh
      }
      Map<String, String> tags = tags(db);
      if (!filter.accepts(tags)) {
        continue;
      }
      try {
        found.add(target(region, db, tags));
      } catch (SecretUnavailableException e) {
        metrics.error(region);
        InstanceTarget kept = before.get(db.dbInstanceIdentifier());
        LOG.error("discovery in {}: {}{}", region, e.getMessage(), kept == null ? "; skipped" : "; keeping its previous login");
        if (kept != null) {
          found.add(kept);
        }
      }
    }
    return List.copyOf(found);
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
        TagLabels.of(tags, secretTag),
        db.preferredBackupWindow(),
        "aws:" + region);
  }

  /** RDS for SQL Server engines are sqlserver-ee, -se, -ex and -web (RDS Custom is "custom-sqlserver-*"). */
  public static boolean isSqlServer(DBInstance db) {
    return db.engine() != null && db.engine().startsWith("sqlserver-");
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
