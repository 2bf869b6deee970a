package io.rdswatch.agent.drill.journal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One drill: its journal while it runs and its result once {@link #status()} is final. It is
 * written to {@code stateDir/drills/<id>.json} at every step.
 *
 * <p>Only the runner that holds the drill's lease changes it. Everyone else (history, HTTP,
 * metrics, another process) reads copies from disk and never mutates them.
 */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class DrillRecord {

  public static final int FORMAT = 1;

  private int format = FORMAT;
  private String id;

  /** host:pid of the process that started it, for people reading the file. */
  private String owner;

  private DrillPlan plan;
  private Instant startedAt;
  private DrillStep step = DrillStep.PREFLIGHT;

  /** The outcome so far; {@link #status()} reports it only once the drill is finished. */
  private DrillStatus outcome = DrillStatus.RUNNING;

  /** A bounded code: a FailureReason label for failures, a skip reason for skipped drills. */
  private String reasonCode;

  private String reason;
  private String scratchName;

  /** True once this drill's own restore may have created the scratch database. */
  private boolean scratchCreated;

  private SourceBackup source;
  private List<RestoreTask> tasks = new ArrayList<>();
  private List<CheckResult> checks = new ArrayList<>();
  private Instant verifyStartedAt;
  private Instant verifyFinishedAt;
  private Boolean dropped;
  private boolean recovered;
  private Instant finishedAt;

  DrillRecord() {}

  public DrillRecord(String id, String owner, DrillPlan plan, Instant startedAt) {
    this.id = id;
    this.owner = owner;
    this.plan = plan;
    this.startedAt = startedAt;
  }

  public String id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public DrillPlan plan() {
    return plan;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public DrillStep step() {
    return step;
  }

  /** RUNNING until the drill is finished, then its final status. */
  @JsonProperty
  public DrillStatus status() {
    return isFinished() ? outcome : DrillStatus.RUNNING;
  }

  /** The outcome decided so far (RUNNING if none yet), even before the drop step ends. */
  public DrillStatus outcome() {
    return outcome;
  }

  public String reasonCode() {
    return reasonCode;
  }

  public String reason() {
    return reason;
  }

  public String scratchName() {
    return scratchName;
  }

  public boolean scratchCreated() {
    return scratchCreated;
  }

  public SourceBackup source() {
    return source;
  }

  public List<RestoreTask> tasks() {
    return List.copyOf(tasks);
  }

  public List<CheckResult> checks() {
    return List.copyOf(checks);
  }

  public Instant verifyStartedAt() {
    return verifyStartedAt;
  }

  public Instant verifyFinishedAt() {
    return verifyFinishedAt;
  }

  public Boolean dropped() {
    return dropped;
  }

  public boolean recovered() {
    return recovered;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public DrillRecord step(DrillStep s) {
    step = s;
    return this;
  }

  public DrillRecord scratchName(String n) {
    scratchName = n;
    return this;
  }

  public DrillRecord scratchCreated(boolean c) {
    scratchCreated = c;
    return this;
  }

  public DrillRecord source(SourceBackup s) {
    source = s;
    return this;
  }

  public DrillRecord verifyStartedAt(Instant t) {
    verifyStartedAt = t;
    return this;
  }

  public DrillRecord verifyFinishedAt(Instant t) {
    verifyFinishedAt = t;
    return this;
  }

  public DrillRecord dropped(Boolean d) {
    dropped = d;
    return this;
  }

  public DrillRecord recovered(boolean r) {
    recovered = r;
    return this;
  }

  /** Adds or replaces (by task id) a restore task. */
  public DrillRecord task(RestoreTask t) {
    tasks.removeIf(old -> old.taskId() == t.taskId());
    tasks.add(t);
    return this;
  }

  public DrillRecord check(CheckResult c) {
    checks.add(c);
    return this;
  }

  /** Sets the outcome so far; {@link #finish} makes it final. */
  public DrillRecord outcome(DrillStatus s, String code, String why) {
    outcome = s;
    reasonCode = code;
    reason = why;
    return this;
  }

  public DrillRecord finish(Instant at) {
    step = DrillStep.DONE;
    finishedAt = at;
    return this;
  }

  public boolean isFinished() {
    return step == DrillStep.DONE;
  }

  /** When the first restore was submitted. */
  @JsonProperty
  public Instant restoreSubmittedAt() {
    return tasks.isEmpty() ? null : tasks.get(0).submittedAt();
  }

  /** When the last restore task was seen finished. */
  @JsonProperty
  public Instant restoreFinishedAt() {
    return tasks.isEmpty() ? null : tasks.get(tasks.size() - 1).finishedAt();
  }

  /**
   * The measured recovery time: submit of the first restore to SUCCESS of the last, queue wait
   * included (that wait is part of a real recovery too). Null unless every restore succeeded.
   */
  @JsonProperty
  public Double rtoSeconds() {
    boolean allOk =
        !tasks.isEmpty() && tasks.stream().allMatch(t -> "SUCCESS".equals(t.lifecycle()));
    Instant end = restoreFinishedAt();
    return allOk && end != null
        ? Duration.between(restoreSubmittedAt(), end).toMillis() / 1000.0
        : null;
  }

  /** Null when there is no target or no measured RTO. */
  @JsonProperty
  public Boolean rtoMet() {
    Double rto = rtoSeconds();
    Long target = plan == null ? null : plan.rtoTargetSeconds();
    return rto == null || target == null ? null : rto <= target;
  }
}
