"""Small builders for classic-model Grafana dashboard JSON, shared by generate.py.

Every panel and target points at the ${datasource} variable; no datasource UID is ever written.
"""
import re

DS = {"type": "prometheus", "uid": "${datasource}"}
INSTANCE = 'rds_instance=~"$rds_instance"'
DATABASE = 'database=~"$database"'
BACKUP_TYPES = 'task_type=~"BACKUP_DB|BACKUP_DB_DIFFERENTIAL"'
HEADERS = {"rds_instance": "RDS instance", "task_type": "Task type"}


def rule_constant(rules_text, name):
    """The number of a `record: NAME / expr: vector(N)` threshold rule in alerts/rdswatch.rules.yml."""
    m = re.search(r"- record: " + re.escape(name) + r"\s*\n\s*expr: vector\((\d+)\)", rules_text)
    if not m:
        raise SystemExit(f"threshold rule {name} with expr vector(N) not found in the rules file")
    return int(m.group(1))


def delta(selector, window):
    """Growth of a counter over `window`, per series, including series born inside the window.

    increase() misses the first increment of a series that starts at 1 (a first failure of a new
    reason, a database's first drill); `or` adds such newborn series with their whole value.
    """
    return f"(clamp_min({selector} - {selector} offset {window}, 0) or {selector})"


def target(expr, legend="", ref="A", instant=False, fmt=None):
    t = {"datasource": DS, "editorMode": "code", "expr": expr, "refId": ref}
    if legend:
        t["legendFormat"] = legend
    if instant:
        t.update({"instant": True, "range": False, "format": fmt or "table"})
    else:
        t.update({"range": True})
        if fmt:
            t["format"] = fmt
    return t


def thresholds(*steps):
    """steps: (color, value) pairs after the base color; the first argument is the base color."""
    base, rest = steps[0], steps[1:]
    return {"mode": "absolute",
            "steps": [{"color": base, "value": None}] + [{"color": c, "value": v} for c, v in rest]}


class Layout:
    """Hands out unique panel ids and grid positions row by row (24 columns)."""

    def __init__(self):
        self.next_id, self.x, self.y, self.row_h = 1, 0, 0, 0

    def place(self, w, h):
        if self.x + w > 24:
            self.newline()
        pos = {"h": h, "w": w, "x": self.x, "y": self.y}
        self.x += w
        self.row_h = max(self.row_h, h)
        pid, self.next_id = self.next_id, self.next_id + 1
        return pid, pos

    def newline(self):
        self.y += self.row_h
        self.x, self.row_h = 0, 0


def panel(layout, kind, title, w, h, targets, description="", unit=None, field=None, options=None,
          overrides=None, transformations=None, custom=None):
    pid, pos = layout.place(w, h)
    defaults = dict(field or {})
    if unit:
        defaults["unit"] = unit
    if custom:
        defaults["custom"] = custom
    p = {"id": pid, "type": kind, "title": title, "description": description, "datasource": DS,
         "gridPos": pos, "targets": targets,
         "fieldConfig": {"defaults": defaults, "overrides": overrides or []},
         "options": options or {}}
    if transformations:
        p["transformations"] = transformations
    return p


def row(layout, title):
    layout.newline()
    pid, pos = layout.place(24, 1)
    layout.newline()
    return {"id": pid, "type": "row", "title": title, "collapsed": False, "gridPos": pos, "panels": []}


def stat(layout, title, expr, description, unit="short", steps=("green",), w=4, h=4):
    return panel(layout, "stat", title, w, h, [target(expr, instant=True, fmt="time_series")],
                 description, unit=unit, field={"thresholds": thresholds(*steps), "color": {"mode": "thresholds"}},
                 options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                          "colorMode": "background", "graphMode": "none", "justifyMode": "center",
                          "textMode": "value"})


def timeseries(layout, title, targets, description, unit="short", w=12, h=8, bars=False, stack=False,
               overrides=None, steps=None):
    custom = {"drawStyle": "bars" if bars else "line", "lineWidth": 1, "fillOpacity": 60 if bars else 10,
              "showPoints": "auto", "spanNulls": False,
              "stacking": {"mode": "normal" if stack else "none", "group": "A"}}
    field = {"color": {"mode": "palette-classic"}}
    if steps:
        field["thresholds"] = thresholds(*steps)
        custom["thresholdsStyle"] = {"mode": "dashed"}
    return panel(layout, "timeseries", title, w, h, targets, description, unit=unit, field=field,
                 custom=custom, overrides=overrides,
                 options={"legend": {"displayMode": "table", "placement": "right", "calcs": ["lastNotNull", "max"]},
                          "tooltip": {"mode": "multi", "sort": "desc"}})


def heatmap(layout, title, expr, description, w=12, h=8):
    return panel(layout, "heatmap", title, w, h, [target(expr, legend="{{le}}", fmt="heatmap")], description,
                 options={"calculate": False, "yAxis": {"unit": "s", "axisPlacement": "left"},
                          "cellValues": {"unit": "short"}, "color": {"mode": "scheme", "scheme": "Oranges",
                                                                     "fill": "dark-orange", "exponent": 0.5,
                                                                     "steps": 64, "reverse": False},
                          "rowsFrame": {"layout": "auto"}, "tooltip": {"show": True, "yHistogram": True},
                          "legend": {"show": True}, "exemplars": {"color": "rgba(255,0,255,0.7)"}})


def table(layout, title, columns, description, w=24, h=8, keys=("rds_instance",)):
    """columns: (header, expr, unit, extra field config) in display order; rows are joined on `keys`."""
    targets, overrides, rename, order = [], [], {}, {k: i for i, k in enumerate(keys)}
    for i, (header, expr, unit, extra) in enumerate(columns):
        ref = chr(ord("A") + i)
        targets.append(target(expr, ref=ref, instant=True))
        rename[f"Value #{ref}"] = header
        order[f"Value #{ref}"] = len(keys) + i
        props = [{"id": "unit", "value": unit}] + [{"id": k, "value": v} for k, v in (extra or {}).items()]
        overrides.append({"matcher": {"id": "byName", "options": header}, "properties": props})
    for k in keys:
        rename[k] = HEADERS.get(k, k.capitalize())
    transformations = [
        {"id": "merge", "options": {}},
        {"id": "organize", "options": {"excludeByName": {"Time": True}, "indexByName": order,
                                       "renameByName": rename}},
    ]
    return panel(layout, "table", title, w, h, targets, description, custom={"align": "auto", "filterable": True},
                 overrides=overrides, transformations=transformations,
                 options={"showHeader": True, "cellHeight": "sm", "footer": {"show": False}})


def colored(steps):
    """Field config for a table column whose cell background follows thresholds."""
    return {"thresholds": thresholds(*steps), "custom.cellOptions": {"type": "color-background"},
            "color": {"mode": "thresholds"}}


def mapped(ok_text, bad_text):
    """A 1/0 column shown as words on green/red."""
    return {"mappings": [{"type": "value", "options": {"1": {"text": ok_text, "color": "green", "index": 0},
                                                        "0": {"text": bad_text, "color": "red", "index": 1}}}],
            "custom.cellOptions": {"type": "color-background"}, "color": {"mode": "fixed", "fixedColor": "text"}}


def variables():
    def query_var(name, label, query):
        return {"name": name, "label": label, "type": "query", "datasource": DS, "query": query,
                "definition": query, "refresh": 2, "sort": 1, "multi": True, "includeAll": True,
                "allValue": ".*", "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
                "options": [], "regex": "", "hide": 0}

    return {"list": [
        {"name": "datasource", "label": "Data source", "type": "datasource", "query": "prometheus",
         "current": {}, "options": [], "refresh": 1, "regex": "", "hide": 0},
        query_var("rds_instance", "RDS instance", "label_values(rdswatch_up, rds_instance)"),
        query_var("database", "Database",
                  'label_values(rdswatch_tasks_finished_total{rds_instance=~"$rds_instance"}, database)'),
    ]}


def dashboard(uid, title, description, panels):
    return {
        "id": None, "uid": uid, "title": title, "description": description,
        "tags": ["rdswatch", "rds", "sqlserver", "backup"],
        "editable": True, "graphTooltip": 1, "fiscalYearStartMonth": 0, "liveNow": False,
        "links": [{"type": "dashboards", "title": "rdswatch", "tags": ["rdswatch"], "asDropdown": True,
                   "includeVars": True, "keepTime": True, "icon": "external link", "targetBlank": False,
                   "tooltip": "", "url": ""}],
        "panels": panels, "refresh": "1m", "schemaVersion": 39, "templating": variables(),
        "time": {"from": "now-24h", "to": "now"}, "timepicker": {},
        # RDS shows backup windows and task times in UTC.
        "timezone": "utc", "version": 1, "weekStart": "",
    }
