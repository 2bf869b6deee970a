package io.rdswatch.agent.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.drill.config.DrillCheckConfig;
import io.rdswatch.agent.drill.config.DrillScheduleConfig;
import io.rdswatch.agent.drill.config.DrillsConfig;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillRunner;
import io.rdswatch.agent.drill.schedule.DrillPlans;
import io.rdswatch.agent.drill.schedule.DrillService;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.shard.Rendezvous;
import io.rdswatch.agent.shard.ShardConfig;
import io.rdswatch.agent.shard.ShardedInstanceSource;
import io.rdswatch.simulator.rds.BackupKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One schedule over a fleet drilled by three shards plus an HA twin of one of them: every database
 * is restored exactly once, by the agent that owns its instance.
 */
class ShardedDrillE2eTest {

  private static final int INSTANCES = 9;
  private static final Instant SUNDAY_4AM = Instant.parse("2026-11-29T04:00:00Z");

  @TempDir Path dir;
  DrillSim sim;
  List<String> names;

  @BeforeEach
  void start() throws Exception {
    names = IntStream.range(0, INSTANCES).mapToObj(i -> "prod-" + i).toList();
    sim = new DrillSim(Instant.parse("2026-11-28T22:00:00Z"), scenario(names));
    for (String n : names) {
      sim.backup(n, "Orders", DrillSim.arn("Orders", n), null, BackupKind.FULL, 1);
    }
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aScheduledDrillOfEachDatabaseRunsExactlyOnceAcrossShardsAndHaTwins() throws Exception {
    InstanceSource all = () -> names.stream().map(sim::target).toList();
    DrillsConfig config =
        new DrillsConfig()
            .withSchedules(
                List.of(
                    new DrillScheduleConfig("weekly", "0 4 * * SUN", null, List.of("Orders"))
                        .withLabelSelector(Map.of("env", "prod"))
                        .withChecks(List.of(DrillCheckConfig.checkdb()))));
    List<DrillService> agents = new ArrayList<>();
    for (int shard = 0; shard < 3; shard++) {
      agents.add(agent(all, config, new ShardConfig(shard, 3), "shard-" + shard));
    }
    DrillService twinOfShard1 = agent(all, config, new ShardConfig(1, 3), "shard-1-twin");
    agents.forEach(DrillService::tick);
    sim.clock.set(SUNDAY_4AM);

    agents.forEach(DrillService::tick);
    twinOfShard1.tick();

    Map<String, String> drilledBy = new java.util.TreeMap<>();
    for (int shard = 0; shard < 3; shard++) {
      for (DrillRecord r : journal("shard-" + shard)) {
        assertThat(r.status()).as(r.reason()).isEqualTo(DrillStatus.SUCCESS);
        assertThat(Rendezvous.owner(r.plan().sourceInstance(), 3)).isEqualTo(shard);
        assertThat(drilledBy.put(r.plan().sourceInstance(), "shard-" + shard))
            .as(r.plan().sourceInstance())
            .isNull();
      }
    }
    assertThat(drilledBy).containsOnlyKeys(names);
    assertThat(drilledBy.values().stream().distinct()).as("every shard drilled some").hasSize(3);
    // the twin fired for the same instances as shard 1 and found each firing's restore already done
    assertThat(journal("shard-1-twin"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(DrillStatus.SKIPPED);
              assertThat(r.reasonCode()).isEqualTo("already_run");
              assertThat(drilledBy.get(r.plan().sourceInstance())).isEqualTo("shard-1");
            });
    assertThat(sim.calls("rds_restore_database")).hasSize(INSTANCES);
  }

  @Test
  void aDrillByHandIsRefusedForAnInstanceOfAnotherShard() throws Exception {
    InstanceSource all = () -> names.stream().map(sim::target).toList();
    DrillService shard0 = agent(all, new DrillsConfig(), new ShardConfig(0, 3), "shard-0");
    Map<Boolean, List<String>> owned =
        names.stream().collect(Collectors.partitioningBy(n -> Rendezvous.owner(n, 3) == 0));

    assertThat(shard0.submit(owned.get(false).get(0), "Orders", "api")).isEmpty();
    assertThat(shard0.submit(owned.get(true).get(0), "Orders", "api")).isPresent();
  }

  private DrillService agent(
      InstanceSource all, DrillsConfig config, ShardConfig shard, String name) {
    Path state = dir.resolve(name);
    DrillContext base = sim.context(state, DrillSim.settings(), name.hashCode());
    DrillContext ctx =
        new DrillContext(
            base.settings(),
            all,
            base.connections(),
            base.journal(),
            base.clock(),
            base.pacer(),
            base.random(),
            name);
    return new DrillService(
        new DrillPlans(config),
        new DrillRunner(ctx),
        new DrillHistory(new DrillJournal(state)),
        false,
        false,
        new ShardedInstanceSource(all, shard)::owns);
  }

  private List<DrillRecord> journal(String agent) throws Exception {
    return new DrillJournal(dir.resolve(agent)).list();
  }

  private static String scenario(List<String> names) {
    StringBuilder yaml = new StringBuilder("seed: 7\ninstances:\n");
    for (String n : names) {
      yaml.append(
          """
            - name: %s
              region: us-east-1
              storage_gb: 100
              free_gb: 80
              databases:
                - {name: Orders, size_mb: 256, tables: {Orders: 1500}}
              buckets:
                - {name: acme-backups, region: us-east-1}
          """
              .formatted(n));
    }
    return yaml.toString();
  }
}
