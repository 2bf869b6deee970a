package io.rdswatch.agent.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rdswatch.agent.aws.AwsTargets;
import io.rdswatch.agent.command.CliCommand;
import io.rdswatch.agent.command.ConfigArgument;
import io.rdswatch.agent.command.HelpFlag;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.sql.TaskScan;
import io.rdswatch.agent.sql.TaskStatusQuery;
import io.rdswatch.agent.track.FailureContexts;
import io.rdswatch.exporter.model.Classification;
import io.rdswatch.exporter.model.FailureClassifier;
import io.rdswatch.exporter.model.FailureContext;
import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * `rdswatch tasks --config FILE --instance NAME [--database DB] [--active]`: rds_task_status,
 * readable.
 */
@Parameters(
    commandNames = "tasks",
    commandDescription = "Show an instance's backup and restore tasks")
public final class TasksCommand implements CliCommand {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @ParametersDelegate final ConfigArgument config = new ConfigArgument();
  @ParametersDelegate final HelpFlag help = new HelpFlag();

  @Parameter(names = "--instance", required = true, description = "instance name (rds_instance)")
  String instance;

  @Parameter(names = "--database", description = "only this database's tasks")
  String database;

  @Parameter(
      names = "--active",
      description = "only tasks not finished yet (CREATED, IN_PROGRESS, CANCEL_REQUESTED)")
  boolean active;

  @Override
  public int run() throws Exception {
    AgentConfiguration loaded = config.load();
    // static and discovered instances; the AWS clients live until the process exits
    List<InstanceTarget> targets =
        AwsTargets.production(loaded.aws(), loaded.getInstances()).targets();
    InstanceTarget target =
        targets.stream().filter(t -> t.name().equals(instance)).findFirst().orElse(null);
    if (target == null) {
      System.err.println(
          "rdswatch tasks: no instance named '"
              + instance
              + "' in "
              + config.file()
              + " (instances: "
              + String.join(", ", targets.stream().map(InstanceTarget::name).toList())
              + ")");
      return ConfigArgument.BAD_CONFIG;
    }
    TaskScan read;
    try (Connection connection = new SqlConnector(loaded.getPoll().timeout()).open(target)) {
      read = new TaskStatusQuery(loaded.getPoll().timeout()).read(connection, database, null);
    } catch (PollException e) {
      System.err.println(
          "rdswatch tasks: " + target.name() + ": " + e.kind().label() + ": " + e.getMessage());
      return 1;
    }
    List<TaskRow> rows = read.rows().stream().filter(r -> !active || r.isActive()).toList();
    System.out.print(render(rows, FailureContexts.of(target, read.time())));
    return 0;
  }

  /** The table, then for each failed task the task_info entry that decided its reason. */
  static String render(List<TaskRow> rows, FailureContext context) {
    if (rows.isEmpty()) {
      return "no tasks\n";
    }
    TextTable table =
        new TextTable(
            "ID",
            "TYPE",
            "DATABASE",
            "LIFECYCLE",
            "PROGRESS",
            "ETA",
            "DURATION",
            "CREATED (UTC)",
            "REASON");
    StringBuilder evidence = new StringBuilder();
    List<TaskRow> newestFirst =
        rows.stream().sorted(Comparator.comparingLong(TaskRow::taskId).reversed()).toList();
    for (TaskRow r : newestFirst) {
      Classification failure =
          r.lifecycle() == Lifecycle.ERROR ? FailureClassifier.classify(r, context) : null;
      table.row(
          r.taskId(),
          r.taskTypeRaw(),
          r.database(),
          r.lifecycleRaw(),
          r.percentComplete() + "%",
          eta(TaskInfoEta.secondsLeft(r)),
          duration(r.durationMinutes()),
          r.createdAt() == null ? null : TIME.format(r.createdAt()),
          failure == null ? null : failure.label());
      if (failure != null) {
        evidence
            .append(r.taskId())
            .append(' ')
            .append(failure.label())
            .append(": ")
            .append(
                failure.evidence() == null ? "(no deciding line in task_info)" : failure.evidence())
            .append('\n');
      }
    }
    return evidence.isEmpty() ? table.render() : table.render() + "\nREASON EVIDENCE\n" + evidence;
  }

  /** Rounded up to whole minutes; null (shown empty) while unknown. */
  static String eta(double seconds) {
    return Double.isNaN(seconds) ? null : duration((int) Math.ceil(seconds / 60));
  }

  static String duration(int minutes) {
    return minutes < 60
        ? minutes + "m"
        : (minutes / 60) + "h" + String.format("%02dm", minutes % 60);
  }
}
