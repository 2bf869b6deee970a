package io.rdswatch.agent.cli;

import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rdswatch.agent.aws.AwsReachability;
import io.rdswatch.agent.aws.AwsTargets;
import io.rdswatch.agent.command.CliCommand;
import io.rdswatch.agent.command.ConfigArgument;
import io.rdswatch.agent.command.HelpFlag;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.agent.sql.TaskStatusQuery;
import io.rdswatch.exporter.model.PollErrorKind;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * `rdswatch check --config FILE`: validates the config, then logs in to every instance and runs
 * rds_task_status as the agent would, and prints one row per instance. Exits 0 only if all passed.
 */
@Parameters(
    commandNames = "check",
    commandDescription = "Validate the config, log in to each instance and run rds_task_status")
public final class CheckCommand implements CliCommand {

  @ParametersDelegate final ConfigArgument config = new ConfigArgument();
  @ParametersDelegate final HelpFlag help = new HelpFlag();

  /** One instance's verdict. */
  record Outcome(
      InstanceTarget target, String login, String permission, String tasks, String problem) {
    boolean ok() {
      return problem == null;
    }
  }

  @Override
  public int run() throws Exception {
    PrintStream out = System.out;
    AgentConfiguration loaded = config.load();
    try (AwsTargets aws = AwsTargets.production(loaded.aws(), loaded.getInstances())) {
      return check(loaded, aws, out);
    }
  }

  private int check(AgentConfiguration loaded, AwsTargets aws, PrintStream out) throws Exception {
    List<InstanceTarget> targets = aws.targets();
    out.println("config " + config.file() + ": ok (" + targets.size() + " instance(s))");
    List<Outcome> outcomes = checkAll(targets, loaded);
    TextTable table =
        new TextTable("INSTANCE", "ENDPOINT", "LOGIN", "PERMISSION", "TASKS", "PROBLEM");
    outcomes.forEach(
        o ->
            table.row(
                o.target().name(),
                o.target().host() + ":" + o.target().port(),
                o.login(),
                o.permission(),
                o.tasks(),
                o.problem()));
    out.print(table.render());
    long failed = outcomes.stream().filter(o -> !o.ok()).count();
    out.println(
        failed == 0
            ? "all " + outcomes.size() + " instance(s) ok"
            : failed + " of " + outcomes.size() + " instance(s) failed");
    return failed == 0 && awsOk(aws, out) ? 0 : 1;
  }

  /** Discovery name clashes, then CloudWatch/discovery reachability; true if nothing FAILED. */
  private static boolean awsOk(AwsTargets aws, PrintStream out) {
    aws.clashes().forEach(c -> out.println("config error: " + c));
    List<AwsReachability.Result> results = aws.reachability();
    if (!results.isEmpty()) {
      TextTable table = new TextTable("AWS", "REGION", "STATUS", "DETAIL");
      results.forEach(
          r ->
              table.row(
                  r.service(), r.scope(), r.status().name().toLowerCase(Locale.ROOT), r.detail()));
      out.print(table.render());
    }
    return aws.clashes().isEmpty()
        && results.stream().noneMatch(r -> r.status() == AwsReachability.Status.FAILED);
  }

  private static List<Outcome> checkAll(List<InstanceTarget> targets, AgentConfiguration config)
      throws Exception {
    SqlConnector connector = new SqlConnector(config.getPoll().timeout());
    TaskStatusQuery query = new TaskStatusQuery(config.getPoll().timeout());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(config.getPoll().concurrency(), targets.size())));
    try {
      List<Future<Outcome>> futures =
          targets.stream().map(t -> pool.submit(() -> check(t, connector, query))).toList();
      List<Outcome> outcomes = new java.util.ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  static Outcome check(InstanceTarget target, SqlConnector connector, TaskStatusQuery query) {
    Connection connection;
    try {
      connection = connector.open(target);
    } catch (PollException e) {
      String login = e.kind() == PollErrorKind.LOGIN ? "FAILED" : "-";
      return new Outcome(target, login, "-", "-", e.kind().label() + ": " + e.getMessage());
    }
    try (connection) {
      int tasks = query.all(connection).size();
      return new Outcome(target, "ok", "ok", Integer.toString(tasks), null);
    } catch (PollException e) {
      if (e.kind() == PollErrorKind.PERMISSION) {
        return new Outcome(
            target,
            "ok",
            "DENIED",
            "-",
            "grant EXECUTE on msdb.dbo.rds_task_status to "
                + target.username()
                + ": "
                + e.getMessage());
      }
      String permission = e.kind() == PollErrorKind.PARSE ? "ok" : "-";
      return new Outcome(target, "ok", permission, "-", e.kind().label() + ": " + e.getMessage());
    } catch (SQLException e) {
      return new Outcome(
          target, "ok", "ok", "-", "closing the connection failed: " + e.getMessage());
    }
  }
}
