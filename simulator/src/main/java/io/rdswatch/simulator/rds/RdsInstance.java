package io.rdswatch.simulator.rds;

import io.rdswatch.simulator.clock.SimClock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The in-memory model of one RDS for SQL Server instance: databases, the S3 stand-in, KMS keys, TDE
 * certificates, logins, its backup window, schedule and task table.
 *
 * <p>Nothing runs in the background. Every call first advances the instance to {@code clock.now()}
 * ({@link TaskEngine}), so a thousand idle instances cost nothing and a test that moves a {@code
 * ManualClock} sees tasks progress without sleeping. All state is guarded by this object's monitor;
 * {@link #locked} runs a read under it.
 */
public final class RdsInstance {
  private final InstanceSettings settings;
  private final SimClock clock;
  final Catalog catalog;
  final S3Store s3 = new S3Store();
  final Map<String, KmsKey> kmsKeys = new TreeMap<>();
  final Set<String> tdeCertificates = new HashSet<>();
  private final Map<String, Login> logins = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final TaskTable tasks = new TaskTable();
  final S3Disk disk = new S3Disk();
  final BackupSchedule schedule = new BackupSchedule();
  final Map<TaskFailure, Double> failureRates = new EnumMap<>(TaskFailure.class);
  final SplittableRandom random;
  private final TaskEngine engine;
  private final RdsProcedures procedures;
  private final S3Transfers transfers;
  private final AppLocks appLocks = new AppLocks();
  private boolean optionEnabled;
  private BackupWindow backupWindow;
  private TaskInfoWording wording = TaskInfoWording.CURRENT;
  private Pace pace = Pace.STEADY;
  private long otherUsedBytes;
  Instant cursor;

  public RdsInstance(InstanceSettings settings, SimClock clock) {
    this.settings = settings;
    this.clock = clock;
    this.catalog = new Catalog(settings.historyStart());
    this.random =
        new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + settings.name().hashCode());
    this.optionEnabled = settings.backupRestoreOption();
    this.backupWindow = settings.backupWindow();
    this.cursor = settings.historyStart();
    this.otherUsedBytes =
        Math.max(0, settings.storageBytes() - settings.freeBytes() - catalog.usedMb() * MB);
    this.engine = new TaskEngine(this);
    this.procedures = new RdsProcedures(this);
    this.transfers = new S3Transfers(this);
  }

  static final long MB = 1L << 20;

  public String name() {
    return settings.name();
  }

  public InstanceSettings settings() {
    return settings;
  }

  public String region() {
    return settings.region();
  }

  /** The IAM role RDS uses for S3 and KMS, as KMS error messages name it. */
  public String roleArn() {
    return "arn:aws:iam::"
        + settings.accountId()
        + ":role/rds-"
        + settings.name()
        + "-backup-restore";
  }

  Timing timing() {
    return settings.timing();
  }

  /** Advances to the clock, then runs {@code read} under the instance lock. */
  public synchronized <T> T locked(Supplier<T> read) {
    advance();
    return read.get();
  }

  /** Brings every task and schedule up to the clock's now, and returns that moment. */
  public synchronized Instant advance() {
    Instant now = clock.now();
    engine.advanceTo(now);
    return cursor;
  }

  public RdsProcedures procedures() {
    return procedures;
  }

  /** rds_download_from_s3 and rds_upload_to_s3. */
  public S3Transfers transfers() {
    return transfers;
  }

  public AppLocks appLocks() {
    return appLocks;
  }

  // ---- model reads (call inside locked) ----

  public Catalog catalog() {
    return catalog;
  }

  public S3Store s3() {
    return s3;
  }

  public synchronized Login login(String name) {
    return name == null ? null : logins.get(name);
  }

  public synchronized boolean optionEnabled() {
    return optionEnabled;
  }

  public synchronized BackupWindow backupWindow() {
    return backupWindow;
  }

  public synchronized boolean hasTdeCertificate(String thumbprint) {
    return tdeCertificates.contains(thumbprint.toLowerCase(Locale.ROOT));
  }

  public synchronized long totalBytes() {
    return settings.storageBytes();
  }

  public synchronized long freeBytes() {
    return Math.max(0, settings.storageBytes() - otherUsedBytes - catalog.usedMb() * MB);
  }

  /** Tasks as rds_task_status shows them: optionally one database and/or one task id. */
  /**
   * rds_fn_list_file_details(task_id): filepath, size_in_bytes, last_modified_utc, is_directory of
   * what that LIST_FILES_ON_DISK task found; no rows for another task.
   */
  public synchronized List<Object[]> fileDetails(int taskId) {
    advance();
    return disk.listing(taskId).stream()
        .map(
            f ->
                new Object[] {
                  f.filepath(),
                  f.sizeInBytes(),
                  java.time.LocalDateTime.ofInstant(f.lastModifiedUtc(), java.time.ZoneOffset.UTC),
                  f.isDirectory()
                })
        .toList();
  }

  public synchronized List<TaskRow> taskRows(String database, Integer taskId) {
    Instant now = advance();
    Instant cutoff = now.minus(TaskTable.RETENTION);
    return tasks.all().stream()
        .filter(t -> !t.lifecycle.isTerminal() || !t.createdAt.isBefore(cutoff))
        .filter(t -> taskId == null || t.id == taskId)
        .filter(t -> database == null || Names.same(database, t.database))
        .map(t -> TaskRow.of(t, now, settings.zone()))
        .toList();
  }

  public synchronized TaskRow taskRow(int taskId) {
    Instant now = advance();
    Task t = tasks.byId(taskId);
    return t == null ? null : TaskRow.of(t, now, settings.zone());
  }

  // ---- control (scenario loading, tests, drills' fixtures) ----
  // These act at the instance's last simulated moment and never advance it, so a scenario can be
  // loaded piece by piece before its history runs; call advance() first to act "now".

  public synchronized Database addDatabase(DatabaseSpec spec) {
    if (spec.tdeCertificate() != null) {
      tdeCertificates.add(spec.tdeCertificate().toLowerCase(Locale.ROOT));
    }
    return catalog.create(spec, cursor, true);
  }

  public synchronized void addBucket(S3Bucket bucket) {
    s3.add(bucket);
  }

  public synchronized void removeBucket(String name) {
    s3.remove(name);
  }

  public synchronized void putObject(S3Object object) {
    s3.put(object);
  }

  public synchronized void addKmsKey(KmsKey key) {
    kmsKeys.put(key.arn(), key);
  }

  public synchronized void removeKmsKey(String arn) {
    kmsKeys.remove(arn);
  }

  public synchronized void addTdeCertificate(String thumbprint) {
    tdeCertificates.add(thumbprint.toLowerCase(Locale.ROOT));
  }

  public synchronized void removeTdeCertificate(String thumbprint) {
    tdeCertificates.remove(thumbprint.toLowerCase(Locale.ROOT));
  }

  public synchronized void addLogin(Login login) {
    logins.put(login.name(), login);
  }

  /**
   * The msdb side of a Multi-AZ failover: RDS does not replicate msdb permissions to the secondary,
   * so on the new primary every login but the master user has lost its EXECUTE grants on the
   * procedures and its SELECT grants on the functions. Logins, databases and tasks stay. Returns
   * the logins that lost grants.
   */
  public synchronized List<String> failover() {
    List<String> lost = new java.util.ArrayList<>();
    for (Map.Entry<String, Login> e : logins.entrySet()) {
      Login l = e.getValue();
      if (!l.master() && (!l.executeGrants().isEmpty() || !l.selectGrants().isEmpty())) {
        e.setValue(new Login(l.name(), l.password(), false, Set.of(), Set.of()));
        lost.add(l.name());
      }
    }
    return lost;
  }

  /** GRANT EXECUTE on one msdb procedure; false when there is no such login. */
  public synchronized boolean grantExecute(String login, String procedure) {
    return regrant(
        login,
        l ->
            new Login(
                l.name(),
                l.password(),
                l.master(),
                plus(l.executeGrants(), procedure),
                l.selectGrants()));
  }

  /** GRANT SELECT on one msdb table-valued function; false when there is no such login. */
  public synchronized boolean grantSelect(String login, String function) {
    return regrant(
        login,
        l ->
            new Login(
                l.name(),
                l.password(),
                l.master(),
                l.executeGrants(),
                plus(l.selectGrants(), function)));
  }

  private boolean regrant(String login, java.util.function.UnaryOperator<Login> change) {
    Login l = logins.get(login);
    if (l == null) {
      return false;
    }
    logins.put(l.name(), change.apply(l));
    return true;
  }

  private static Set<String> plus(Set<String> grants, String object) {
    Set<String> out = new HashSet<>(grants);
    out.add(object.toLowerCase(Locale.ROOT));
    return out;
  }

  public synchronized void optionEnabled(boolean enabled) {
    this.optionEnabled = enabled;
  }

  public synchronized void backupWindow(BackupWindow window) {
    this.backupWindow = window;
  }

  /**
   * Engine-version differences in what task_info says; {@link TaskInfoWording#CURRENT} by default.
   */
  public synchronized TaskInfoWording wording() {
    return wording;
  }

  public synchronized void wording(TaskInfoWording value) {
    this.wording = java.util.Objects.requireNonNull(value, "wording");
  }

  /** Sets the volume's free space as of now; databases created or dropped later move it. */
  public synchronized void freeBytes(long free) {
    otherUsedBytes = Math.max(0, settings.storageBytes() - free - catalog.usedMb() * MB);
  }

  /** How tasks that start from now on spread their work over their run. */
  public synchronized void pace(Pace value) {
    this.pace = Objects.requireNonNull(value);
  }

  synchronized Pace pace() {
    return pace;
  }

  public synchronized void addSchedule(ScheduleEntry entry) {
    schedule.add(entry, cursor);
  }

  /** Chance (0..1) that a scheduled backup fails with {@code failure}. */
  public synchronized void failureRate(TaskFailure failure, double rate) {
    if (!failure.injectable()) {
      throw new IllegalArgumentException(
          failure.configName()
              + " cannot be injected; injectable: "
              + TaskFailure.injectableNames());
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "failure rate of " + failure.configName() + " must be 0..1, got " + rate);
    }
    failureRates.put(failure, rate);
  }

  /**
   * Marks an object (or every object under a '*' prefix) corrupt, as a bad disk or upload would.
   */
  public synchronized int corruptObjects(String arnOrPrefix) {
    return procedures.corrupt(arnOrPrefix);
  }
}
