package io.rdswatch.simulator.rds;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A SQL login. The master user has every right; other logins may run only the msdb procedures
 * they were granted EXECUTE on (reference §2.1): "*" grants all of them.
 */
public record Login(String name, String password, boolean master, Set<String> executeGrants) {

  public Login {
    Objects.requireNonNull(name, "login name");
    Objects.requireNonNull(password, "password of login " + name);
    executeGrants = executeGrants == null ? Set.of() : Set.copyOf(executeGrants);
  }

  public static Login master(String name, String password) {
    return new Login(name, password, true, Set.of("*"));
  }

  public boolean mayExecute(String procedure) {
    return master
        || executeGrants.contains("*")
        || executeGrants.stream().anyMatch(g -> g.toLowerCase(Locale.ROOT).equals(procedure.toLowerCase(Locale.ROOT)));
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "Login[" + name + (master ? ", master" : ", grants=" + executeGrants) + "]";
  }
}
