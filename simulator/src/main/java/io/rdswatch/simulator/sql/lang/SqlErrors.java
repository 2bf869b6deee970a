package io.rdswatch.simulator.sql.lang;

import io.rdswatch.simulator.engine.SqlMessage;

/** SQL Server's own errors (numbers, classes and texts as the engine words them). */
public final class SqlErrors {

  private SqlErrors() {}

  public static SqlMessage syntax(String near) {
    return SqlMessage.syntaxError(near);
  }

  public static SqlMessage unclosedQuote(String rest) {
    String shown = rest.length() > 40 ? rest.substring(0, 40) : rest;
    return SqlMessage.error(
        105, 1, 15, "Unclosed quotation mark after the character string '" + shown + "'.", "", 1);
  }

  public static SqlMessage missingEndComment() {
    return SqlMessage.error(113, 1, 15, "Missing end comment mark '*/'.", "", 1);
  }

  public static SqlMessage mustDeclare(String variable) {
    return SqlMessage.error(
        137, 2, 15, "Must declare the scalar variable \"" + variable + "\".", "", 1);
  }

  public static SqlMessage invalidObject(String name) {
    return SqlMessage.error(208, 1, 16, "Invalid object name '" + name + "'.", "", 1);
  }

  public static SqlMessage invalidColumn(String name) {
    return SqlMessage.error(207, 1, 16, "Invalid column name '" + name + "'.", "", 1);
  }

  public static SqlMessage procNotFound(String name) {
    return SqlMessage.error(2812, 62, 16, "Could not find stored procedure '" + name + "'.", "", 1);
  }

  public static SqlMessage notAParameter(String param, String proc) {
    return SqlMessage.error(
        8145, 2, 16, param + " is not a parameter for procedure " + proc + ".", proc, 0);
  }

  public static SqlMessage tooManyArguments(String proc) {
    return SqlMessage.error(
        8144,
        2,
        16,
        "Procedure or function " + proc + " has too many arguments specified.",
        proc,
        0);
  }

  public static SqlMessage mustPassNamed(int position, String proc) {
    return SqlMessage.error(
        119,
        1,
        15,
        "Must pass parameter number "
            + position
            + " and subsequent parameters as '@name = value'. After the form "
            + "'@name = value' has been used, all subsequent parameters must be passed in the form '@name = value'.",
        proc,
        0);
  }

  public static SqlMessage missingParameter(String proc, String param) {
    return SqlMessage.error(
        201,
        4,
        16,
        "Procedure or function '"
            + proc
            + "' expects parameter '"
            + param
            + "', which was not supplied.",
        proc,
        0);
  }

  public static SqlMessage conversion(Object value, String type) {
    return SqlMessage.error(
        245,
        1,
        16,
        "Conversion failed when converting the nvarchar value '"
            + value
            + "' to data type "
            + type
            + ".",
        "",
        1);
  }

  public static SqlMessage unknownDatabase(String name) {
    return SqlMessage.error(
        911,
        1,
        16,
        "Database '" + name + "' does not exist. Make sure that the name is entered correctly.",
        "",
        1);
  }

  /** USE or a login into a database that is being restored. */
  public static SqlMessage databaseRestoring(String name) {
    return SqlMessage.error(
        927,
        2,
        14,
        "Database '" + name + "' cannot be opened. It is in the middle of a restore.",
        "",
        1);
  }

  public static SqlMessage cannotOpenDatabase(String name) {
    return SqlMessage.error(
        4060,
        1,
        11,
        "Cannot open database \"" + name + "\" requested by the login. The login failed.",
        "",
        1);
  }

  /** GRANT by someone who may not, or on an object or to a user that is not there. */
  public static SqlMessage cannotFind(String what, String name) {
    return SqlMessage.error(
        15151,
        1,
        16,
        "Cannot find the "
            + what
            + " '"
            + name
            + "', because it does not exist or you do not have permission.",
        "",
        1);
  }
}
