#!/usr/bin/env python3
"""Writes the rdswatch Grafana dashboards (classic JSON model) next to this script.

    python3 dashboards/generate.py          # rewrite the JSON files
    python3 dashboards/generate.py --check  # exit 1 if a committed file differs from what this writes

Edit this script, not the JSON: the build checks that they agree. Staleness and overdue colours come from the
threshold rules in alerts/rdswatch.rules.yml, so dashboards and alerts cannot disagree.
"""
import json
import pathlib
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the committed files
from grafana import (BACKUP_TYPES, DATABASE, INSTANCE, Layout, colored, dashboard, delta, heatmap, mapped, row,
                     rule_constant, stat, table, target, timeseries)

HERE = pathlib.Path(__file__).resolve().parent
RULES = (HERE.parent / "alerts" / "rdswatch.rules.yml").read_text(encoding="utf-8")
STALE = rule_constant(RULES, "rdswatch:threshold_backup_stale_seconds")
QUEUED = rule_constant(RULES, "rdswatch:threshold_task_queued_seconds")
OVERDUE = rule_constant(RULES, "rdswatch:threshold_drill_overdue_seconds")
CADENCE_FACTOR = rule_constant(RULES, "rdswatch:threshold_backup_cadence_factor")
CADENCE_FLOOR = rule_constant(RULES, "rdswatch:threshold_backup_cadence_floor_seconds")

FAILURES = f"rdswatch_task_failures_total{{{INSTANCE}, {DATABASE}}}"
FULL_TS = f'rdswatch_backup_last_success_timestamp_seconds{{{INSTANCE}, {DATABASE}, backup_type="full"}}'
FULL_AGE = f"time() - max by (rds_instance, database) ({FULL_TS})"
# max by (...) folds the two agents of an HA pair into one series.
TASKS = f"max by (rds_instance, task_type, lifecycle) (rdswatch_tasks{{{INSTANCE}}})"
PER_TYPE = "rds_instance, database, backup_type"
EXPECTED = f"max by ({PER_TYPE}) (rdswatch_backup_expected_interval_seconds{{{INSTANCE}, {DATABASE}}})"
BACKUP_AGE = (f"time() - max by ({PER_TYPE}) "
              f"(rdswatch_backup_last_success_timestamp_seconds{{{INSTANCE}, {DATABASE}}})")
# The same limit as RdswatchBackupCadenceBroken: learned interval x factor, at least the floor.
CADENCE_BROKEN = (f"({BACKUP_AGE}) > on ({PER_TYPE}) clamp_min({EXPECTED} * {CADENCE_FACTOR}, {CADENCE_FLOOR})")
UNPROTECTED = (f"max by (rds_instance, database) "
               f"(rdswatch_database_without_backup{{{INSTANCE}, {DATABASE}}}) == 1")
AGE_COLOURS = colored(("green", ("orange", int(STALE * 0.8)), ("red", STALE)))


def overview():
    lay = Layout()
    panels = [
        stat(lay, "Instances up", f"count(max by (rds_instance) (rdswatch_up{{{INSTANCE}}}) == 1) or vector(0)",
             "RDS instances whose last poll succeeded."),
        stat(lay, "Instances down", f"count(max by (rds_instance) (rdswatch_up{{{INSTANCE}}}) == 0) or vector(0)",
             "RDS instances rdswatch cannot poll (RdswatchInstanceDown after 5 minutes).",
             steps=("green", ("red", 1))),
        stat(lay, "Failed tasks (24 h)",
             f"sum(max by (rds_instance, database, task_type, reason) ({delta(FAILURES, '24h')})) or vector(0)",
             "Native backup and restore tasks that ended in ERROR in the last 24 hours, first failures included.",
             steps=("green", ("orange", 1))),
        stat(lay, "Overlapping backups now",
             f"sum(max by (rds_instance, database) (rdswatch_backup_overlap{{{INSTANCE}, {DATABASE}}})) or vector(0)",
             "Databases with two backups in flight, or a backup inside the automated backup window.",
             steps=("green", ("orange", 1))),
        stat(lay, "Stale databases", f"count({FULL_AGE} > {STALE}) or vector(0)",
             f"Databases without a successful FULL backup for more than {STALE // 3600} h (RdswatchBackupStale).",
             steps=("green", ("red", 1))),
        stat(lay, "Drills failing",
             f"count(max by (rds_instance, database, drill) (rdswatch_drill_last_result{{{INSTANCE}, {DATABASE}}}) == 0)"
             " or vector(0)",
             "Databases whose last restore drill did not succeed.", steps=("green", ("red", 1))),
        table(lay, "Fleet", [
            ("Up", f"max by (rds_instance) (rdswatch_up{{{INSTANCE}}})", "none", mapped("UP", "DOWN")),
            ("Last FULL age (oldest database)", f"max by (rds_instance) ({FULL_AGE})", "s", AGE_COLOURS),
            ("Last drill", f"min by (rds_instance) (rdswatch_drill_last_result{{{INSTANCE}, {DATABASE}}})", "none",
             mapped("OK", "FAILED")),
            ("Active tasks", f"sum by (rds_instance) ({TASKS})", "short", None),
        ], "One row per RDS instance. The FULL age is that of its least recently backed-up database.", h=8),
        row(lay, "Coverage"),
        stat(lay, "Unprotected databases", f"count({UNPROTECTED}) or vector(0)",
             "ONLINE databases older than coverage.grace without any successful native FULL backup "
             "(RdswatchDatabaseUnprotected).", steps=("green", ("red", 1))),
        stat(lay, "Cadence broken", f"count({CADENCE_BROKEN}) or vector(0)",
             f"Databases whose last backup of a type is older than {CADENCE_FACTOR}x its learned interval "
             f"(at least {CADENCE_FLOOR // 3600} h; RdswatchBackupCadenceBroken).", steps=("green", ("orange", 1))),
        table(lay, "Coverage", [
            ("Databases", f"count by (rds_instance) (max by (rds_instance, database) "
                          f"(rdswatch_database_info{{{INSTANCE}, {DATABASE}}}))", "short", None),
            ("Unprotected", f"count by (rds_instance) ({UNPROTECTED}) or "
                            f"0 * count by (rds_instance) (rdswatch_database_without_backup{{{INSTANCE}, {DATABASE}}})",
             "short", colored(("green", ("red", 1)))),
            ("Cadence broken", f"count by (rds_instance) ({CADENCE_BROKEN}) or "
                               f"0 * count by (rds_instance) ({EXPECTED})", "short", colored(("green", ("orange", 1)))),
        ], "Per instance: user databases in the catalog, those never backed up, and those whose backups stopped "
           "keeping their learned rhythm.", w=16, h=6),
        row(lay, "Activity"),
        timeseries(lay, "Failures by reason", [target(
            f"sum by (reason) (max by (rds_instance, database, task_type, reason) ({delta(FAILURES, '$__rate_interval')}))",
            "{{reason}}")], "Tasks that ended in ERROR, by classified reason.", bars=True, stack=True),
        timeseries(lay, "Active tasks", [target(f"sum by (task_type) ({TASKS})", "{{task_type}}")],
                   "Non-terminal native tasks (CREATED, IN_PROGRESS, CANCEL_REQUESTED) by type.", stack=True),
        heatmap(lay, "Backup durations",
                f"sum by (le) (increase(rdswatch_task_duration_seconds_bucket{{{INSTANCE}, {BACKUP_TYPES}}}[$__rate_interval]))",
                "How long finished FULL and DIFFERENTIAL backups took."),
        timeseries(lay, "Backup duration p95 by type", [target(
            "histogram_quantile(0.95, sum by (le, task_type) (rate(rdswatch_task_duration_seconds_bucket"
            f"{{{INSTANCE}, {BACKUP_TYPES}}}[$__rate_interval])))", "{{task_type}}")],
            "95th percentile of finished backup durations; gaps mean no backup finished then.", unit="s"),
    ]
    return dashboard("rdswatch-overview", "rdswatch / overview",
                     "Are my RDS for SQL Server native backups OK? Fleet health, failures, overlaps and drills.", panels)


def instance():
    lay = Layout()
    progress = f"max by (rds_instance, database, task_type) (rdswatch_task_progress_ratio{{{INSTANCE}, {DATABASE}}})"
    stalled = f"max by (rds_instance, database, task_type) (rdswatch_task_stalled{{{INSTANCE}, {DATABASE}}})"
    queued = f"max by (rds_instance, database, task_type) (rdswatch_task_queued_seconds{{{INSTANCE}, {DATABASE}}})"
    eta = f"max by (rds_instance, database, task_type) (rdswatch_task_eta_seconds{{{INSTANCE}, {DATABASE}}})"
    last = lambda metric, extra="": (  # noqa: E731
        f"max by (rds_instance, database) ({metric}{{{INSTANCE}, {DATABASE}{extra}}}) * 1000")
    per_task = ("rds_instance", "database", "task_type")
    per_db = ("rds_instance", "database")
    panels = [
        row(lay, "Active tasks"),
        table(lay, "Active tasks and progress", [
            ("Progress", progress, "percentunit",
             {"custom.cellOptions": {"type": "gauge", "mode": "basic"}, "min": 0, "max": 1}),
            ("Stalled", stalled, "none", mapped("STALLED", "moving")),
        ], "Every non-terminal task with its % complete. Stalled: no progress for the agent's poll.stallAfter.",
            w=12, h=8, keys=per_task),
        timeseries(lay, "Progress", [target(progress, "{{rds_instance}}/{{database}} {{task_type}}")],
                   "% complete of each active task over time.", unit="percentunit"),
        timeseries(lay, "Time left (ETA)", [target(eta, "{{rds_instance}}/{{database}} {{task_type}}")],
                   "Time left of each running task at its recent progress rate (the last four 5 % steps); "
                   "absent until two steps were seen.", unit="s"),
        timeseries(lay, "Queue wait", [target(queued, "{{rds_instance}}/{{database}} {{task_type}}")],
                   f"Age of the oldest task still CREATED. Dashed line: RdswatchTaskQueuedTooLong ({QUEUED // 60} min).",
                   unit="s", steps=("transparent", ("red", QUEUED))),
        timeseries(lay, "Slots in use", [
            target(f"max by (rds_instance) (rdswatch_task_slots_in_use{{{INSTANCE}}})", "{{rds_instance}} slots"),
            target(f"sum by (lifecycle) ({TASKS})", "{{lifecycle}}", ref="B")],
            "IN_PROGRESS backup/restore tasks (RDS runs at most 2 per instance) and non-terminal tasks by lifecycle.",
            steps=("transparent", ("red", 2))),
        row(lay, "Databases"),
        table(lay, "Backups and restores per database", [
            ("Last FULL", last("rdswatch_backup_last_success_timestamp_seconds", ', backup_type="full"'),
             "dateTimeAsIso", None),
            ("Last DIFFERENTIAL", last("rdswatch_backup_last_success_timestamp_seconds",
                                       ', backup_type="differential"'), "dateTimeAsIso", None),
            ("Last restore", last("rdswatch_restore_last_success_timestamp_seconds"), "dateTimeAsIso", None),
            ("FULL age", FULL_AGE, "s", AGE_COLOURS),
            ("Overlap now", f"max by (rds_instance, database) (rdswatch_backup_overlap{{{INSTANCE}, {DATABASE}}})",
             "none", mapped("OVERLAP", "no")),
        ], f"Last successful backup and restore times (UTC). FULL age turns orange at 80 % and red at the "
           f"{STALE // 3600} h staleness threshold of RdswatchBackupStale.", h=9, keys=per_db),
        table(lay, "Backup cadence", [
            ("Usual interval", EXPECTED, "s", None),
            ("Since last success", f"({BACKUP_AGE}) and on ({PER_TYPE}) {EXPECTED}", "s", None),
            ("Limit", f"clamp_min({EXPECTED} * {CADENCE_FACTOR}, {CADENCE_FLOOR})", "s", None),
        ], f"Per database and backup type: the interval learned from the task history (median gap, at least 5 "
           f"gaps), the time since the last success, and the limit of RdswatchBackupCadenceBroken "
           f"({CADENCE_FACTOR}x, at least {CADENCE_FLOOR // 3600} h).", w=16, h=8,
            keys=("rds_instance", "database", "backup_type")),
        table(lay, "Databases without backup", [
            ("FULL backup", f"1 - max by (rds_instance, database) "
                            f"(rdswatch_database_without_backup{{{INSTANCE}, {DATABASE}}})", "none",
             mapped("yes", "NONE")),
        ], "NONE: an ONLINE database older than coverage.grace with no successful native FULL backup.",
            w=8, h=8, keys=per_db),
        row(lay, "Failures"),
        table(lay, "Failures in the selected range", [
            ("Failures", f"max by (rds_instance, database, task_type, reason) ({delta(FAILURES, '$__range')}) > 0",
             "short", None),
        ], "Tasks that ended in ERROR during the dashboard's time range, with their classified reason.",
            w=12, keys=("rds_instance", "database", "task_type", "reason")),
        timeseries(lay, "Failures by reason", [target(
            f"sum by (rds_instance, reason) (max by (rds_instance, database, task_type, reason) "
            f"({delta(FAILURES, '$__rate_interval')}))", "{{rds_instance}} {{reason}}")],
            "Tasks that ended in ERROR over time.", bars=True, stack=True),
        row(lay, "Poll health"),
        timeseries(lay, "Up", [target(f"max by (rds_instance) (rdswatch_up{{{INSTANCE}}})", "{{rds_instance}}")],
                   "1 when the last poll of the instance succeeded.", w=8),
        timeseries(lay, "Poll age and duration", [
            target(f"time() - max by (rds_instance) (rdswatch_last_poll_success_timestamp_seconds{{{INSTANCE}}})",
                   "{{rds_instance}} since last success"),
            target(f"max by (rds_instance) (rdswatch_poll_duration_seconds{{{INSTANCE}}})", "{{rds_instance}} duration",
                   ref="B")], "Seconds since the last successful poll, and how long the last poll took.", unit="s", w=8),
        timeseries(lay, "Poll errors", [target(
            f"sum by (rds_instance, kind) (rate(rdswatch_poll_errors_total{{{INSTANCE}}}[$__rate_interval]))",
            "{{rds_instance}} {{kind}}")], "Failed polls per second by step: connect, login, timeout, query, parse, permission.",
            unit="reqps", w=8),
    ]
    return dashboard("rdswatch-instance", "rdswatch / instance",
                     "One RDS for SQL Server instance in depth: tasks, queue, databases, failures, polling.", panels)


def drills():
    lay = Layout()
    sel = f"{{{INSTANCE}, {DATABASE}}}"
    per_drill = ("rds_instance", "database", "drill")
    success_age = f"time() - max by (rds_instance, database, drill) (rdswatch_drill_last_success_timestamp_seconds{sel})"
    # The restore-duration histogram is per instance; drill_running and drill_runs_total are agent-wide.
    per_instance = f"{{{INSTANCE}}}"
    d_sum = delta(f"rdswatch_drill_restore_duration_seconds_sum{per_instance}", "$__rate_interval")
    d_count = delta(f"rdswatch_drill_restore_duration_seconds_count{per_instance}", "$__rate_interval")
    panels = [
        stat(lay, "Drills failing",
             f"count(max by (rds_instance, database, drill) (rdswatch_drill_last_result{sel}) == 0) or vector(0)",
             "Databases whose last drill did not succeed.", steps=("green", ("red", 1)), w=6),
        stat(lay, "Drills overdue", f"count({success_age} > {OVERDUE}) or vector(0)",
             f"No successful drill for more than {OVERDUE // 86400} days (RdswatchDrillOverdue).",
             steps=("green", ("orange", 1)), w=6),
        stat(lay, "Drills running", "sum(rdswatch_drill_running) or vector(0)",
             "Drills in progress now, on every instance this agent drills.", steps=("blue",), w=6),
        stat(lay, "Orphaned scratch databases",
             f"sum(max by (rds_instance) (rdswatch_drill_orphans{{{INSTANCE}}})) or vector(0)",
             "Databases with the drill prefix that no journal knows; never dropped automatically.",
             steps=("green", ("red", 1)), w=6),
        table(lay, "Last drill per database", [
            ("Result", f"max by (rds_instance, database, drill) (rdswatch_drill_last_result{sel})", "none",
             mapped("SUCCESS", "FAILED")),
            ("Last run", f"max by (rds_instance, database, drill) (rdswatch_drill_last_run_timestamp_seconds{sel}) * 1000",
             "dateTimeAsIso", None),
            ("Last success",
             f"max by (rds_instance, database, drill) (rdswatch_drill_last_success_timestamp_seconds{sel}) * 1000",
             "dateTimeAsIso", None),
            ("Since success", success_age, "s",
             colored(("green", ("orange", OVERDUE - 86400), ("red", OVERDUE)))),
            ("RTO target", f"max by (rds_instance, database, drill) (rdswatch_drill_rto_target_seconds{sel})", "s", None),
        ], f"Each database's last restore drill (UTC). 'Since success' turns red at the {OVERDUE // 86400}-day "
           "threshold of RdswatchDrillOverdue.", h=8, keys=per_drill),
        timeseries(lay, "Restore duration against RTO target", [
            target(f"sum by (rds_instance) ({d_sum}) / (sum by (rds_instance) ({d_count}) > 0)",
                   "{{rds_instance}} restore"),
            target(f"max by (rds_instance, database) (rdswatch_drill_rto_target_seconds{sel})",
                   "{{rds_instance}}/{{database}} RTO target", ref="B")],
            "Measured restore time of the drills on each instance (a point when one finishes; the mean when "
            "several finish together) and each database's rtoTarget (dashed).",
            unit="s", overrides=[{"matcher": {"id": "byRegexp", "options": ".*RTO target$"}, "properties": [
                {"id": "custom.lineStyle", "value": {"fill": "dash", "dash": [10, 10]}}]}]),
        heatmap(lay, "Restore durations",
                f"sum by (le) (increase(rdswatch_drill_restore_duration_seconds_bucket{per_instance}[$__rate_interval]))",
                "Distribution of drill restore times."),
        timeseries(lay, "Drill runs by result", [target(
            f"sum by (result) ({delta('rdswatch_drill_runs_total', '$__rate_interval')})",
            "{{result}}")], "Finished drills by result: success, restore_failed, verify_failed, drop_failed, "
                            "skipped, timeout, interrupted.", bars=True, stack=True),
        timeseries(lay, "Orphans and running drills", [
            target(f"max by (rds_instance) (rdswatch_drill_orphans{{{INSTANCE}}})", "{{rds_instance}} orphans"),
            target("sum(rdswatch_drill_running)", "running (all instances)", ref="B")],
            "Scratch-prefixed databases no journal knows, and drills in progress."),
    ]
    return dashboard("rdswatch-drills", "rdswatch / restore drills",
                     "Restore-verification drills: last result per database, restore time against RTO, orphans.",
                     panels)


def main(argv):
    check = "--check" in argv
    stale = []
    for name, build in (("rdswatch-overview.json", overview), ("rdswatch-instance.json", instance),
                        ("rdswatch-drills.json", drills)):
        text = json.dumps(build(), indent=2, ensure_ascii=False) + "\n"
        path = HERE / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date, run python3 dashboards/generate.py: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
