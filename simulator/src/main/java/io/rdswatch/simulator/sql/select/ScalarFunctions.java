package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.rds.ServerZone;
import io.rdswatch.simulator.sql.lang.ExecContext;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Functions and @@variables whose value does not depend on a row, folded to constants when a
 * statement is parsed. Add new ones to {@link #call} / {@link #variable}.
 */
public final class ScalarFunctions {
  /** SELECT @@VERSION, worded like an RDS instance's answer. */
  public static final String VERSION =
      "Microsoft SQL Server 2022 (RTM-CU19) (KB5054531) - 16.0.4195.2 (X64) \n\tApr 18 2025 13:42:14 \n\t"
          + "Copyright (C) 2022 Microsoft Corporation\n\tStandard Edition (64-bit) on Windows Server 2022 Datacenter "
          + "10.0 <X64> (Build 20348: ) (Hypervisor)\n";

  private ScalarFunctions() {}

  public static boolean isFunction(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "SYSUTCDATETIME",
          "GETUTCDATE",
          "GETDATE",
          "SYSDATETIME",
          "SYSDATETIMEOFFSET",
          "DB_NAME",
          "DB_ID",
          "SUSER_NAME",
          "SUSER_SNAME",
          "USER_NAME",
          "SERVERPROPERTY",
          "APP_NAME",
          "HOST_NAME" ->
          true;
      default -> false;
    };
  }

  /** Returns null for an unknown function. */
  public static Expr.Const call(String name, List<Object> args, ExecContext ctx) {
    String fn = name.toUpperCase(Locale.ROOT);
    switch (fn) {
      case "SYSUTCDATETIME", "GETUTCDATE":
        return new Expr.Const(ServerZone.UTC.local(ctx.now()), SqlType.DATETIME);
      case "GETDATE", "SYSDATETIME":
        // the instance's own time zone, chosen when it was created (UTC unless set otherwise)
        return new Expr.Const(ctx.rds().settings().zone().local(ctx.now()), SqlType.DATETIME);
      case "SYSDATETIMEOFFSET":
        return new Expr.Const(
            ctx.rds().settings().zone().withOffset(ctx.now().truncatedTo(ChronoUnit.MILLIS)),
            SqlType.DATETIMEOFFSET);
      case "DB_NAME":
        return text(
            args.isEmpty() || args.get(0) == null
                ? ctx.session().database()
                : dbName(args.get(0), ctx));
      case "DB_ID":
        return new Expr.Const(
            dbId(args.isEmpty() ? ctx.session().database() : args.get(0), ctx), SqlType.INT);
      case "SUSER_NAME", "SUSER_SNAME", "USER_NAME":
        return text(ctx.session().user());
      case "APP_NAME", "HOST_NAME":
        return text("");
      case "SERVERPROPERTY":
        return text(serverProperty(args.isEmpty() ? "" : String.valueOf(args.get(0)), ctx));
      default:
        return null;
    }
  }

  /** Returns null for an unknown variable. */
  public static Expr.Const variable(String name, ExecContext ctx) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "@@VERSION" -> text(VERSION);
      case "@@SPID" -> new Expr.Const(ctx.session().spid(), SqlType.INT);
      case "@@SERVERNAME" -> text(serverName(ctx));
      case "@@TRANCOUNT", "@@ROWCOUNT", "@@ERROR" -> new Expr.Const(0, SqlType.INT);
      default -> null;
    };
  }

  private static String serverProperty(String property, ExecContext ctx) {
    return switch (property.toLowerCase(Locale.ROOT)) {
      case "productversion" -> "16.0.4195.2";
      case "edition" -> "Standard Edition (64-bit)";
      case "engineedition" -> "2";
      case "servername", "machinename" -> serverName(ctx);
      default -> null;
    };
  }

  private static String serverName(ExecContext ctx) {
    String alnum = ctx.rds().name().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    return "EC2AMAZ-" + alnum.substring(0, Math.min(7, alnum.length()));
  }

  private static Integer dbId(Object name, ExecContext ctx) {
    Database db = ctx.rds().locked(() -> ctx.rds().catalog().get(String.valueOf(name)));
    return db == null ? null : db.id();
  }

  private static String dbName(Object id, ExecContext ctx) {
    int wanted = Values.number(id).intValue();
    return ctx.rds()
        .locked(
            () ->
                ctx.rds().catalog().all().stream()
                    .filter(d -> d.id() == wanted)
                    .map(Database::name)
                    .findFirst()
                    .orElse(null));
  }

  private static Expr.Const text(String s) {
    return new Expr.Const(s, SqlType.NVARCHAR);
  }
}
